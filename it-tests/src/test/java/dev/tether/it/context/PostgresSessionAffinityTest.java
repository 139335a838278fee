package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class PostgresSessionAffinityTest extends SessionAffinityContract {
    PostgresSessionAffinityTest() {
        super(Servers.postgres());
    }
}
