package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class PostgresBoundedConnectionsTest extends BoundedConnectionsContract {
    PostgresBoundedConnectionsTest() {
        super(Servers.postgres());
    }
}
