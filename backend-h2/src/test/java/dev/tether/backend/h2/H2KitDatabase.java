package dev.tether.backend.h2;

import dev.tether.api.DatabaseSettings;
import dev.tether.backend.kit.Capability;
import dev.tether.backend.kit.KitDatabase;
import dev.tether.spi.Backend;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * H2 as the backend kit sees it.
 *
 * @param backend      the backend under test
 * @param where        which H2 (in-process or a TCP server) and which database
 * @param capabilities what that H2 can do
 */
record H2KitDatabase(Backend backend, UnaryOperator<DatabaseSettings.Builder> where, Set<Capability> capabilities)
        implements KitDatabase {
    @Override
    public DatabaseSettings.Builder settings(String alias) {
        return where.apply(DatabaseSettings.builder(alias).engine("h2").user("kit").password("kit-secret"));
    }

    @Override
    public long sessionId(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT SESSION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public DatabaseSettings.Builder withBadCredentials(DatabaseSettings.Builder settings) {
        return settings.password("not-the-password");
    }

    @Override
    public Optional<Map.Entry<String, String>> refusedOption() {
        return Optional.of(Map.entry("NO_SUCH_H2_SETTING", "1"));
    }

    @Override
    public void terminate(long sessionId) throws SQLException {
        // An administrator's session on the same database (never through a backend under test): H2 lets it end another.
        try (Connection admin = new H2Backend().connect(settings("admin").build()); Statement s = admin.createStatement()) {
            s.execute("CALL ABORT_SESSION(" + sessionId + ")");
        }
    }
}
