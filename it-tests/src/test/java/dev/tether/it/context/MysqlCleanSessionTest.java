package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class MysqlCleanSessionTest extends CleanSessionContract {
    MysqlCleanSessionTest() {
        super(Servers.mysql());
    }
}
