/** Tether's API (settings, signals, the database wrapper) and its backend SPI. */
module dev.tether.api {
    requires transitive java.sql;

    exports dev.tether.api;
    exports dev.tether.spi;

    uses dev.tether.spi.Backend;
}
