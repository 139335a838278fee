package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class PostgresStatementLeakTest extends StatementLeakContract {
    PostgresStatementLeakTest() {
        super(Servers.postgres());
    }
}
