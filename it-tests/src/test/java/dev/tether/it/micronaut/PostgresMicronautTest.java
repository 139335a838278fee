package dev.tether.it.micronaut;

import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.Servers;

class PostgresMicronautTest extends MicronautEndToEndContract {
    @Override
    protected Server server() {
        return Servers.postgres();
    }

    @Override
    protected String database() {
        return "tether_it_micronaut_pg";
    }
}
