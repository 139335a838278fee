package dev.tether.backend.mysql;

import dev.tether.api.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MySQL-protocol server these tests use: the one at TETHER_MYSQL_URL (a Tether URL such as
 * mysql://root@127.0.0.1:3306/test) when set, otherwise the local one on the standard port.
 */
final class LocalMySql {
    private static final MySqlBackend BACKEND = new MySqlBackend();

    private LocalMySql() {
    }

    /** Settings for the server's test database, as the administrator. */
    static DatabaseSettings admin() {
        String url = System.getenv("TETHER_MYSQL_URL");
        if (url != null && !url.isBlank()) {
            return DatabaseSettings.fromUrl("admin", url);
        }
        return DatabaseSettings.builder("admin").engine("mysql").host("127.0.0.1").port(3306).user("root").name("test").build();
    }

    /** Settings for {@code database}, which is created when missing, so each test class sees only its own connections. */
    static DatabaseSettings database(String database) throws SQLException {
        try (Connection admin = BACKEND.connect(admin()); Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE IF NOT EXISTS " + database);
        }
        return admin().toBuilder().name(database).build();
    }
}
