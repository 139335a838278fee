package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class PostgresCleanSessionTest extends CleanSessionContract {
    PostgresCleanSessionTest() {
        super(Servers.postgres());
    }
}
