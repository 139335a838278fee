package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class MysqlShutdownTest extends ShutdownContract {
    MysqlShutdownTest() {
        super(Servers.mysql());
    }
}
