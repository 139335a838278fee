package dev.tether.it.micronaut;

import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.Servers;

class MysqlMicronautTest extends MicronautEndToEndContract {
    @Override
    protected Server server() {
        return Servers.mysql();
    }

    @Override
    protected String database() {
        return "tether_it_micronaut_my";
    }
}
