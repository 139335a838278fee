package dev.tether.it.mysql;

import dev.tether.backend.kit.BackendKit;
import dev.tether.backend.kit.KitDatabase;
import dev.tether.it.kit.ServerKitDatabase;

/** The MySQL-protocol backend passes the backend kit on a real server. */
class MySqlCompatibilityTest extends BackendKit {
    @Override
    protected KitDatabase database() {
        return ServerKitDatabase.mysql();
    }
}
