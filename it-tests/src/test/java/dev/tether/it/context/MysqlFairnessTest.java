package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class MysqlFairnessTest extends FairnessContract {
    MysqlFairnessTest() {
        super(Servers.mysql());
    }
}
