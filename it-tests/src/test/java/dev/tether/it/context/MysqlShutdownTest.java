package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class MysqlShutdownTest extends ShutdownContract {
    MysqlShutdownTest() {
        super(Servers.mysql());
    }
}
