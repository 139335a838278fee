package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class MysqlSqlOpenedTransactionTest extends SqlOpenedTransactionContract {
    MysqlSqlOpenedTransactionTest() {
        super(Servers.mysql());
    }
}
