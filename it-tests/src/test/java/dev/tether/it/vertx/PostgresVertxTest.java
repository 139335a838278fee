package dev.tether.it.vertx;

import dev.tether.testing.servers.Servers;

class PostgresVertxTest extends VertxEndToEndContract {
    PostgresVertxTest() {
        super(Servers.postgres(), "tether_it_vertx_pg");
    }
}
