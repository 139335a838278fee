package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class PostgresSqlOpenedTransactionTest extends SqlOpenedTransactionContract {
    PostgresSqlOpenedTransactionTest() {
        super(Servers.postgres());
    }
}
