package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class PostgresExclusiveOwnershipTest extends ExclusiveOwnershipContract {
    PostgresExclusiveOwnershipTest() {
        super(Servers.postgres());
    }
}
