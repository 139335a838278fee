package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class MysqlCleanSessionTest extends CleanSessionContract {
    MysqlCleanSessionTest() {
        super(Servers.mysql());
    }
}
