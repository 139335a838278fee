package dev.tether.it.postgres;

import dev.tether.backend.kit.BackendKit;
import dev.tether.backend.kit.KitDatabase;
import dev.tether.it.kit.ServerKitDatabase;

/** The PostgreSQL backend passes the backend kit on a real server. */
class PostgresCompatibilityTest extends BackendKit {
    @Override
    protected KitDatabase database() {
        return ServerKitDatabase.postgres();
    }
}
