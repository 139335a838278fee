package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class PostgresStatementLeakTest extends StatementLeakContract {
    PostgresStatementLeakTest() {
        super(Servers.postgres());
    }
}
