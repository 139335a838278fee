package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class PostgresShutdownTest extends ShutdownContract {
    PostgresShutdownTest() {
        super(Servers.postgres());
    }
}
