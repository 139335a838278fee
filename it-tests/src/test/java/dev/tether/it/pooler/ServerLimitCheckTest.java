package dev.tether.it.pooler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Pooler;
import dev.tether.api.UnitOfWork;
import dev.tether.engine.Tether;
import dev.tether.it.LogCapture;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.Servers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * At its first connection each alias reads the server's connection limit and warns when its cap takes more than
 * SERVER_SHARE of it, before N instances exhaust the server.
 */
class ServerLimitCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {Server.POSTGRESQL, Server.MYSQL})
    void aCapAboveHalfTheServersLimitIsWarnedAboutWithTheArithmetic(String engine) throws SQLException {
        Server server = Servers.of(engine);
        int limit = limitSeenByAnAdmin(server);
        int cap = limit / 2 + 1;
        List<String> lines = linesLoggedAtFirstConnection(server, s -> s.maxConnections(cap));
        List<String> warnings = warnings(lines);
        assertEquals(1, warnings.size(), lines.toString());
        String warning = warnings.getFirst();
        assertTrue(warning.contains("[default] MAX_CONNECTIONS " + cap + " is more than SERVER_SHARE 0.5"), warning);
        assertTrue(warning.contains("connection limit " + limit), warning);
        assertTrue(warning.contains("2 instances need " + 2 * cap + " > " + limit), warning);
    }

    @ParameterizedTest
    @ValueSource(strings = {Server.POSTGRESQL, Server.MYSQL})
    void aCapWithinItsShareOrBehindAPoolerIsNotWarnedAbout(String engine) throws SQLException {
        Server server = Servers.of(engine);
        int limit = limitSeenByAnAdmin(server);
        assertEquals(List.of(), warnings(linesLoggedAtFirstConnection(server, s -> s.maxConnections(limit / 2))));
        assertEquals(List.of(), warnings(linesLoggedAtFirstConnection(server, s -> s.maxConnections(limit).serverShare(1))));
        if (server.isPostgres()) {
            assertEquals(List.of(), warnings(linesLoggedAtFirstConnection(server,
                    s -> s.maxConnections(limit * 4).pooler(Pooler.SESSION))));
        }
    }

    private static List<String> linesLoggedAtFirstConnection(Server server, UnaryOperator<DatabaseSettings.Builder> settings)
            throws SQLException {
        DatabaseSettings database = settings.apply(DatabaseSettings.builder("default").engine(server.engine())
                .host(server.host()).port(server.port()).name(server.database()).user(server.user())
                .password(server.password())).build();
        try (LogCapture log = new LogCapture(); Tether tether = Tether.builder().database(database).build()) {
            try (UnitOfWork ignored = tether.begin(); Connection c = tether.connection("default");
                 Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
            return log.lines();
        }
    }

    private static List<String> warnings(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("WARNING ")).toList();
    }

    /** PostgreSQL: max_connections less the reserved slots (reserved_connections exists from 16 on); MySQL: max_connections. */
    private static int limitSeenByAnAdmin(Server server) throws SQLException {
        try (Connection admin = server.connect(); Statement s = admin.createStatement()) {
            if (!server.isPostgres()) {
                return single(s, "SELECT @@max_connections");
            }
            return single(s, "SHOW max_connections") - single(s, "SHOW superuser_reserved_connections")
                    - single(s, "SELECT coalesce(current_setting('reserved_connections', true), '0')");
        }
    }

    private static int single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return Integer.parseInt(r.getString(1));
        }
    }
}
