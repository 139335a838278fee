package dev.tether.it.postgres;

import dev.tether.backend.kit.KitDatabase;
import dev.tether.it.kit.EngineRulesContract;
import dev.tether.it.kit.ServerKitDatabase;

/** The engine's rules hold through the PostgreSQL backend on a real server. */
class PostgresEngineRulesTest extends EngineRulesContract {
    @Override
    protected KitDatabase database() {
        return ServerKitDatabase.postgres();
    }
}
