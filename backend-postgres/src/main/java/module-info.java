/** Tether's PostgreSQL backend, over pgjdbc. */
module dev.tether.backend.postgres {
    requires transitive dev.tether.api;
    requires org.postgresql.jdbc;

    exports dev.tether.backend.postgres;

    provides dev.tether.spi.Backend with dev.tether.backend.postgres.PostgresBackend;
}
