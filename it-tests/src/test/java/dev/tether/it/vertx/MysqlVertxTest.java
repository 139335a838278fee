package dev.tether.it.vertx;

import dev.tether.testing.servers.Servers;

class MysqlVertxTest extends VertxEndToEndContract {
    MysqlVertxTest() {
        super(Servers.mysql(), "tether_it_vertx_my");
    }
}
