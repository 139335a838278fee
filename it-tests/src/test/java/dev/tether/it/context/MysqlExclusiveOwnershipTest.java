package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class MysqlExclusiveOwnershipTest extends ExclusiveOwnershipContract {
    MysqlExclusiveOwnershipTest() {
        super(Servers.mysql());
    }
}
