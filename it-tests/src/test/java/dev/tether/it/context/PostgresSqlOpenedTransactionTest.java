package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class PostgresSqlOpenedTransactionTest extends SqlOpenedTransactionContract {
    PostgresSqlOpenedTransactionTest() {
        super(Servers.postgres());
    }
}
