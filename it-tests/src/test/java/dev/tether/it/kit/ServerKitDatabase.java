package dev.tether.it.kit;

import dev.tether.api.DatabaseSettings;
import dev.tether.backend.kit.Capability;
import dev.tether.backend.kit.KitDatabase;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.Servers;
import dev.tether.spi.Backend;
import dev.tether.spi.Backends;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * PostgreSQL or a MySQL-protocol server from the fixture, as the backend kit and the engine-rules contract see it:
 * a real server that can do everything the kit asks. Its admin connection lives as long as the test JVM.
 */
public final class ServerKitDatabase implements KitDatabase {
    private final Server server;
    /** Named after the fixture's database, so that runs against different databases of one server do not meet. */
    private final String database;
    private final ServerAdmin admin;
    private final UnaryOperator<DatabaseSettings.Builder> badCredentials;
    private final Map.Entry<String, String> refusedOption;

    private ServerKitDatabase(Server server, UnaryOperator<DatabaseSettings.Builder> badCredentials,
                              Map.Entry<String, String> refusedOption) throws SQLException {
        this.server = server;
        this.database = server.database() + "_kit";
        this.admin = new ServerAdmin(server);
        this.badCredentials = badCredentials;
        this.refusedOption = refusedOption;
        admin.createDatabase(database);
    }

    private static ServerKitDatabase postgres;
    private static ServerKitDatabase mysql;

    /**
     * PostgreSQL's, created once per JVM and shared by the kit and the engine-rules contract (their tests run one
     * at a time and recreate their tables). Local servers often trust every password, so an unknown role is what
     * they reliably refuse.
     */
    public static synchronized ServerKitDatabase postgres() {
        if (postgres == null) {
            postgres = create(() -> new ServerKitDatabase(Servers.postgres(), s -> s.user("tether_no_such_role").password("not-the-password"),
                    Map.entry("tether_no_such_option", "1")));
        }
        return postgres;
    }

    /** The MySQL-protocol server's, like {@link #postgres()}; its backend checks isolation_level, not option names. */
    public static synchronized ServerKitDatabase mysql() {
        if (mysql == null) {
            mysql = create(() -> new ServerKitDatabase(Servers.mysql(), s -> s.password("definitely-wrong-" + System.nanoTime()),
                    Map.entry("isolation_level", "sometimes")));
        }
        return mysql;
    }

    private interface Creation {
        ServerKitDatabase create() throws SQLException;
    }

    private static ServerKitDatabase create(Creation creation) {
        try {
            return creation.create();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the kit's database", e);
        }
    }

    @Override
    public Backend backend() {
        return Backends.find("kit", server.engine(), Backends.available());
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public DatabaseSettings.Builder settings(String alias) {
        return DatabaseSettings.builder(alias).engine(server.engine()).host(server.host()).port(server.port())
                .name(database).user(server.user()).password(server.password());
    }

    @Override
    public long sessionId(Connection connection) throws SQLException {
        return ServerAdmin.currentSessionId(connection);
    }

    @Override
    public DatabaseSettings.Builder withBadCredentials(DatabaseSettings.Builder settings) {
        return badCredentials.apply(settings);
    }

    @Override
    public Optional<Map.Entry<String, String>> refusedOption() {
        return Optional.of(refusedOption);
    }

    @Override
    public void terminate(long sessionId) throws SQLException {
        admin.terminate(sessionId);
    }

    @Override
    public boolean sessionExists(long sessionId) throws SQLException {
        return admin.sessionIds(database).contains(sessionId);
    }

    @Override
    public String idleTimeoutStatement(Duration idle) {
        return ServerAdmin.idleTimeoutStatement(server.engine(), idle);
    }
}
