package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class MysqlExclusiveOwnershipTest extends ExclusiveOwnershipContract {
    MysqlExclusiveOwnershipTest() {
        super(Servers.mysql());
    }
}
