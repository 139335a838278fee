package dev.tether.it.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.engine.Tether;
import dev.tether.testing.SignalRecorder;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What one request leaves on a persistent connection never reaches the next: an open transaction, a
 * changed isolation level, read-only flag or schema. With a cap of 1 the next request runs on the same
 * server session, checked by its id.
 */
abstract class CleanSessionContract extends ServerContract {
    private final String otherNamespace = database + "_other";

    CleanSessionContract(Server server) {
        super(server);
    }

    @BeforeAll
    void createTableAndNamespace() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "CREATE TABLE items (id INT PRIMARY KEY)");
        }
        dialect.createNamespace(server, otherNamespace);
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        try (Connection c = server.connect()) {
            execute(c, "DELETE FROM items");
        }
    }

    @AfterAll
    void dropNamespace() throws SQLException {
        dialect.dropNamespace(server, otherNamespace);
    }

    private Tether capOfOne(Persistence persistence, boolean autocommit, SignalRecorder signals) {
        return tether(s -> s.persistence(persistence).autocommit(autocommit).maxConnections(1)
                .maxAge(DatabaseSettings.UNLIMITED), e -> e.listener(signals));
    }

    private long committedRows() throws SQLException {
        try (Connection c = server.connect()) {
            return number(c, "SELECT COUNT(*) FROM items");
        }
    }

    record Rows(long session, long count) {
    }

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void aTransactionLeftOpenIsRolledBackBeforeTheNextRequestOnTheSameConnection(Persistence persistence)
            throws Exception {
        SignalRecorder signals = new SignalRecorder();
        try (Tether tether = capOfOne(persistence, false, signals)) {
            long first = request(tether, persistence, c -> {
                execute(c, "INSERT INTO items (id) VALUES (1)"); // AUTOCOMMIT=false: a transaction is open
                return ServerAdmin.currentSessionId(c);
            });
            Rows next = request(tether, persistence, c -> {
                Rows seen = new Rows(ServerAdmin.currentSessionId(c), number(c, "SELECT COUNT(*) FROM items"));
                c.commit();
                return seen;
            });

            assertEquals(new Rows(first, 0), next, "the next request, on the same session, sees no uncommitted row");
            assertEquals(1, signals.transactionsRolledBack(), "the rollback is reported");
            assertEquals(0, committedRows());
        }
    }

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void autocommitTurnedOffWithATransactionLeftOpenDoesNotReachTheNextRequest(Persistence persistence)
            throws Exception {
        try (Tether tether = capOfOne(persistence, true, new SignalRecorder())) {
            request(tether, persistence, c -> {
                c.setAutoCommit(false);
                execute(c, "INSERT INTO items (id) VALUES (1)");
                return null;
            });
            request(tether, persistence, c -> {
                assertTrue(c.getAutoCommit(), "autocommit is back on, as AUTOCOMMIT says");
                assertEquals(0, number(c, "SELECT COUNT(*) FROM items"), "the uncommitted row is gone");
                return null;
            });
            assertEquals(0, committedRows());
        }
    }

    /** What a request can observe of its session. */
    record Session(long id, int isolation, boolean readOnly, String namespace) {
    }

    private Session session(Connection c) throws SQLException {
        return new Session(ServerAdmin.currentSessionId(c), c.getTransactionIsolation(), c.isReadOnly(),
                dialect.namespace(c));
    }

    static Stream<Arguments> persistenceAndAutocommit() {
        return Stream.of(Persistence.values())
                .flatMap(persistence -> Stream.of(arguments(persistence, true), arguments(persistence, false)));
    }

    @ParameterizedTest(name = "{0}, AUTOCOMMIT={1}")
    @MethodSource("persistenceAndAutocommit")
    void isolationReadOnlyAndSchemaChangedByARequestAreBackToDefaultsInTheNext(Persistence persistence,
                                                                               boolean autocommit) throws Exception {
        try (Tether tether = capOfOne(persistence, autocommit, new SignalRecorder())) {
            Session defaults = request(tether, persistence, this::session);
            request(tether, persistence, c -> {
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                c.setReadOnly(true);
                dialect.useNamespace(c, otherNamespace);
                assertEquals(new Session(defaults.id(), Connection.TRANSACTION_SERIALIZABLE, true, otherNamespace),
                        session(c), "the changes took effect on the same session");
                return null;
            });
            Session next = request(tether, persistence, c -> {
                Session seen = session(c);
                execute(c, "INSERT INTO items (id) VALUES (2)"); // fails on a read-only session or in the other schema
                if (!autocommit) {
                    c.commit();
                }
                return seen;
            });

            assertEquals(defaults, next, "the next request on the same session sees the defaults");
            assertEquals(1, committedRows());
        }
    }
}
