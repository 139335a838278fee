package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class MysqlSessionAffinityTest extends SessionAffinityContract {
    MysqlSessionAffinityTest() {
        super(Servers.mysql());
    }
}
