package dev.tether.it.mysql;

import dev.tether.backend.kit.KitDatabase;
import dev.tether.it.kit.EngineRulesContract;
import dev.tether.it.kit.ServerKitDatabase;

/** The engine's rules hold through the MySQL-protocol backend on a real server. */
class MySqlEngineRulesTest extends EngineRulesContract {
    @Override
    protected KitDatabase database() {
        return ServerKitDatabase.mysql();
    }
}
