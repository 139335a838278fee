package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class MysqlSqlOpenedTransactionTest extends SqlOpenedTransactionContract {
    MysqlSqlOpenedTransactionTest() {
        super(Servers.mysql());
    }
}
