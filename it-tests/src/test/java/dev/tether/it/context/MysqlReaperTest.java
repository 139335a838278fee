package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class MysqlReaperTest extends ReaperContract {
    MysqlReaperTest() {
        super(Servers.mysql());
    }
}
