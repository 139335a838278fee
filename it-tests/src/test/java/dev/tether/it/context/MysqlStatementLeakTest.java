package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class MysqlStatementLeakTest extends StatementLeakContract {
    MysqlStatementLeakTest() {
        super(Servers.mysql());
    }
}
