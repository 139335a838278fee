package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class PostgresSessionAffinityTest extends SessionAffinityContract {
    PostgresSessionAffinityTest() {
        super(Servers.postgres());
    }
}
