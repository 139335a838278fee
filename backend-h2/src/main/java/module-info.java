/** Tether's H2 backend: H2 in-process or over TCP. */
module dev.tether.backend.h2 {
    requires transitive dev.tether.api;
    requires com.h2database;

    exports dev.tether.backend.h2;

    provides dev.tether.spi.Backend with dev.tether.backend.h2.H2Backend;
}
