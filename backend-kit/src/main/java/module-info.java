/**
 * The compatibility kit for Tether backends: JUnit tests that hold an implementation of
 * {@link dev.tether.spi.Backend} to every promise of the SPI, on a real database.
 */
module dev.tether.backend.kit {
    requires transitive dev.tether.api;
    requires transitive org.junit.jupiter.api;

    exports dev.tether.backend.kit;

    uses dev.tether.spi.Backend;
}
