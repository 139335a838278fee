package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class MysqlReaperTest extends ReaperContract {
    MysqlReaperTest() {
        super(Servers.mysql());
    }
}
