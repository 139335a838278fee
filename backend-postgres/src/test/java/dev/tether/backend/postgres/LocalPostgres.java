package dev.tether.backend.postgres;

import dev.tether.api.DatabaseSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server these tests use: the one at TETHER_PG_URL (a Tether URL such as
 * postgresql://postgres@127.0.0.1:5432/test) when set, otherwise the local one on the standard port.
 */
final class LocalPostgres {
    private static final PostgresBackend BACKEND = new PostgresBackend();

    private LocalPostgres() {
    }

    /** Settings for the server's maintenance database, as the administrator. */
    static DatabaseSettings admin() {
        String url = System.getenv("TETHER_PG_URL");
        if (url != null && !url.isBlank()) {
            return DatabaseSettings.fromUrl("admin", url);
        }
        return DatabaseSettings.builder("admin").engine("postgresql").host("127.0.0.1").port(5432)
                .user("postgres").name("test").build();
    }

    /** Settings for {@code database}, which is created when missing, so each test class sees only its own connections. */
    static DatabaseSettings database(String database) throws SQLException {
        try (Connection admin = BACKEND.connect(admin());
             PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (Statement create = admin.createStatement()) {
                    create.execute("CREATE DATABASE " + database);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // created meanwhile by a parallel run
                        throw e;
                    }
                }
            }
        }
        return admin().toBuilder().name(database).build();
    }
}
