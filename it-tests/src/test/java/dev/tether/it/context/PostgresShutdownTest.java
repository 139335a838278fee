package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class PostgresShutdownTest extends ShutdownContract {
    PostgresShutdownTest() {
        super(Servers.postgres());
    }
}
