package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class MysqlFairnessTest extends FairnessContract {
    MysqlFairnessTest() {
        super(Servers.mysql());
    }
}
