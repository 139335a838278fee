package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class PostgresCleanSessionTest extends CleanSessionContract {
    PostgresCleanSessionTest() {
        super(Servers.postgres());
    }
}
