package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class MysqlSessionAffinityTest extends SessionAffinityContract {
    MysqlSessionAffinityTest() {
        super(Servers.mysql());
    }
}
