package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class PostgresBoundedConnectionsTest extends BoundedConnectionsContract {
    PostgresBoundedConnectionsTest() {
        super(Servers.postgres());
    }
}
