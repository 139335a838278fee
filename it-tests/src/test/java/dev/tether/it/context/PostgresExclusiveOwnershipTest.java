package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class PostgresExclusiveOwnershipTest extends ExclusiveOwnershipContract {
    PostgresExclusiveOwnershipTest() {
        super(Servers.postgres());
    }
}
