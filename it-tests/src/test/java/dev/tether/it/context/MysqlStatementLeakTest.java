package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class MysqlStatementLeakTest extends StatementLeakContract {
    MysqlStatementLeakTest() {
        super(Servers.mysql());
    }
}
