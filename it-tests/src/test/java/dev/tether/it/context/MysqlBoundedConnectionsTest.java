package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class MysqlBoundedConnectionsTest extends BoundedConnectionsContract {
    MysqlBoundedConnectionsTest() {
        super(Servers.mysql());
    }
}
