package dev.tether.it.context;

import dev.tether.testing.servers.Servers;

class PostgresReaperTest extends ReaperContract {
    PostgresReaperTest() {
        super(Servers.postgres());
    }
}
