package dev.tether.it.context;

import dev.tether.it.servers.Servers;

class PostgresReaperTest extends ReaperContract {
    PostgresReaperTest() {
        super(Servers.postgres());
    }
}
