package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class MysqlBoundedConnectionsTest extends BoundedConnectionsContract {
    MysqlBoundedConnectionsTest() {
        super(Servers.mysql());
    }
}
