package dev.tether.it.vertx;

import dev.tether.it.servers.Servers;

class MysqlVertxTest extends VertxEndToEndContract {
    MysqlVertxTest() {
        super(Servers.mysql(), "tether_it_vertx_my");
    }
}
