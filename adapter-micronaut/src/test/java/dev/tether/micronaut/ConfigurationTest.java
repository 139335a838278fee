package dev.tether.micronaut;

import dev.tether.testing.fake.TestBackend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.engine.Tether;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@code tether.databases.<alias>.*} becomes settings, beans per alias, or a start-up failure naming the key. */
class ConfigurationTest {

    @Test
    void applicationYmlBecomesOneDatabasePerAlias() {
        try (ApplicationContext context = ApplicationContext.builder().environments("yaml-config")
                .singletons(new TestBackend()).start()) {
            Tether tether = context.getBean(Tether.class);
            assertEquals(Set.of("default", "reports"), tether.aliases());

            DatabaseSettings main = tether.settings("default");
            assertEquals("app", main.name());
            assertEquals("app_user", main.user());
            assertEquals("s3cret", main.password(), "placeholders with defaults are resolved");
            assertEquals("db.internal", main.host());
            assertEquals(6543, main.port());
            assertEquals(Duration.ofSeconds(60), main.maxAge());
            assertTrue(main.healthChecks());
            assertEquals(4, main.maxConnections());
            assertEquals(Persistence.CONTEXT, main.persistence());
            assertEquals(Duration.ofMillis(500), main.acquireTimeout());
            assertEquals(Map.of("ssl-mode", "disable", "application_name", "orders"), main.options());

            DatabaseSettings reports = tether.settings("reports");
            assertEquals("reports.internal", reports.host());
            assertEquals("reader", reports.user());
            assertEquals("reporting", reports.name());
            assertTrue(reports.unlimitedMaxAge());
            assertEquals(2, reports.maxConnections(), "a key in Django's spelling next to the url overrides it");
        }
    }

    @Test
    void environmentVariablesOverrideApplicationYml() {
        PropertySource environment = environmentVariables(Map.of(
                "TETHER_DATABASES_DEFAULT_PASSWORD", "from-env", "TETHER_DATABASES_DEFAULT_CONN_MAX_AGE", "30",
                "TETHER_DATABASES_BATCH_URL", "test://batch.internal/jobs"));
        try (ApplicationContext context = ApplicationContext.builder().environments("yaml-config").propertySources(environment)
                .singletons(new TestBackend()).start()) {
            Tether tether = context.getBean(Tether.class);
            assertEquals("from-env", tether.settings("default").password());
            assertEquals(Duration.ofSeconds(30), tether.settings("default").maxAge());
            assertEquals(Map.of("ssl-mode", "disable", "application_name", "orders"), tether.settings("default").options(),
                    "option names stay as written");
            assertEquals("batch.internal", tether.settings("batch").host());
        }
    }

    @Test
    void eachAliasHasANamedDataSourceAndDatabaseAndDefaultIsPrimary() throws Exception {
        try (ApplicationContext context = ApplicationContext.builder().environments("yaml-config")
                .singletons(new TestBackend()).start()) {
            TetherDatabase reports = context.getBean(TetherDatabase.class, Qualifiers.byName("reports"));
            assertEquals("reports", reports.alias());
            assertSame(context.getBean(TetherDatabase.class, Qualifiers.byName("default")), context.getBean(TetherDatabase.class));

            Tether tether = context.getBean(Tether.class);
            DataSource reportsSource = context.getBean(DataSource.class, Qualifiers.byName("reports"));
            try (var work = tether.begin(); Connection connection = reportsSource.getConnection()) {
                assertFalse(connection.isClosed());
                assertEquals(1, tether.stats("reports").inUse());
                assertEquals(0, tether.stats("default").inUse());
            }
            try (var work = tether.begin(); Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertEquals(1, tether.stats("default").inUse(), "the unqualified DataSource is the default alias");
            }
        }
    }

    @Test
    void misspeltKeyStopsStartUpNamingTheAliasAndTheKey() {
        String message = startUpFailure(Map.of("tether.databases.orders.conn-max-agee", "60"));
        assertTrue(message.contains("'orders'") && message.contains("conn-max-agee") && message.contains("did you mean CONN_MAX_AGE"),
                message);
    }

    @Test
    void negativeMaxAgeStopsStartUpNamingTheKeyAndTheFix() {
        String message = startUpFailure(Map.of("tether.databases.orders.conn-max-age", "-5"));
        assertTrue(message.contains("'orders'") && message.contains("CONN_MAX_AGE") && message.contains("-5"), message);
    }

    @Test
    void unknownEngineStopsStartUpNamingTheKey() {
        String message = startUpFailure(Map.of("tether.databases.orders.engine", "oracle"));
        assertTrue(message.contains("'orders'") && message.contains("ENGINE") && message.contains("oracle")
                && message.contains("test"), message);
    }

    @Test
    void passwordNeverAppearsInAStartUpFailure() {
        String message = startUpFailure(Map.of("tether.databases.orders.password", "hunter2",
                "tether.databases.orders.max-connections", "0"));
        assertTrue(message.contains("MAX_CONNECTIONS"), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void persistenceDefaultsToContextBecauseRequestsHopThreads() {
        Map<String, Object> properties = Map.of("tether.databases.orders.engine", "test", "tether.databases.orders.name", "orders");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).singletons(new TestBackend()).start()) {
            assertEquals(Persistence.CONTEXT, context.getBean(Tether.class).settings("orders").persistence());
        }
    }

    @Test
    void misspeltTopLevelKeyStopsStartUpWithTheNearestKey() {
        String typo = startUpFailure(Map.of("tether.reaper-perod", "10s"));
        assertTrue(typo.contains("Unknown setting 'tether.reaper-perod'") && typo.contains("did you mean tether.reaper-period?"),
                typo);
        String singular = startUpFailure(Map.of("tether.database.default.engine", "test"));
        assertTrue(singular.contains("'tether.database.default.engine'") && singular.contains("did you mean tether.databases?"),
                singular);
    }

    @Test
    void environmentVariablesNamedTetherAreNotCheckedAsKeys() {
        PropertySource environment = environmentVariables(Map.of("TETHER_PG_URL", "postgresql://elsewhere/db"));
        try (ApplicationContext context = ApplicationContext.builder().environments("yaml-config").propertySources(environment)
                .singletons(new TestBackend()).start()) {
            assertEquals(Set.of("default", "reports"), context.getBean(Tether.class).aliases());
        }
    }

    @Test
    void aStoppedDatabaseStopsStartUpWhenCheckedOnStart() {
        TestBackend stopped = new TestBackend();
        stopped.failConnectWith = "08001";
        Map<String, Object> properties = Map.of("tether.databases.orders.engine", "test", "tether.databases.orders.name", "orders",
                "tether.check-on-start", true);

        Throwable failure = assertThrows(Throwable.class,
                () -> ApplicationContext.builder().properties(properties).singletons(stopped).start().close());

        String message = messages(failure);
        assertTrue(message.contains("Database 'orders' failed its start-up check: [orders] cannot connect"), message);
        assertTrue(message.contains("simulated connect failure"), message);
    }

    @Test
    void withoutTheCheckAStoppedDatabaseDoesNotStopStartUp() {
        TestBackend stopped = new TestBackend();
        stopped.failConnectWith = "08001";
        try (ApplicationContext context = ApplicationContext.builder().environments("yaml-config").singletons(stopped).start()) {
            assertEquals(0, stopped.connections.size());
        }
    }

    @Test
    void micronautsOwnDataSourceOfTheSameNameIsReportedAtStartUp() {
        // Tether logs through System.Logger, which the adapter routes to SLF4J: read the lines where the app's go.
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.tether.micronaut");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> capture =
                new ch.qos.logback.core.read.ListAppender<>();
        capture.start();
        logger.addAppender(capture);
        ch.qos.logback.classic.Level previous = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try (ApplicationContext ignored = ApplicationContext.builder().environments("yaml-config")
                .properties(Map.of("datasources.default.url", "jdbc:h2:mem:app", "datasources.legacy.url", "jdbc:h2:mem:old"))
                .singletons(new TestBackend()).start()) {
            List<String> messages = capture.list.stream().map(e -> e.getFormattedMessage()).toList();
            assertTrue(messages.stream().anyMatch(m -> m.startsWith("datasources.default and tether.databases.default are both "
                    + "configured") && m.contains("@Named(\"default\") TetherDatabase")), messages.toString());
            assertTrue(messages.stream().anyMatch(m -> m.startsWith("datasources.legacy is not a Tether database")),
                    messages.toString());
        } finally {
            logger.setLevel(previous);
            logger.detachAppender(capture);
        }
    }

    @Test
    void shutdownClosesTheEnginesConnections() throws Exception {
        TestBackend backend = new TestBackend();
        Tether tether;
        try (ApplicationContext context = ApplicationContext.builder().environments("yaml-config").singletons(backend).start()) {
            tether = context.getBean(Tether.class);
            try (var work = tether.begin(); Connection connection = tether.connection("default")) {
                assertFalse(connection.isClosed());
            }
            assertEquals(1, backend.openCount(), "the connection persists between units of work");
        }
        assertEquals(0, backend.openCount(), "closing the application context closed the connection");
        assertThrows(Exception.class, () -> {
            try (var work = tether.begin(); Connection connection = tether.connection("default")) {
                connection.getAutoCommit();
            }
        });
    }

    /** Starts a context with one otherwise valid alias plus {@code overrides}; returns the failure's full message chain. */
    private static String startUpFailure(Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tether.databases.orders.engine", "test");
        properties.put("tether.databases.orders.name", "orders");
        properties.putAll(overrides);
        Throwable failure = assertThrows(Throwable.class,
                () -> ApplicationContext.builder().properties(properties).singletons(new TestBackend()).start().close());
        return messages(failure);
    }

    /** Variables as the process environment gives them, with the environment's precedence over files. */
    private static PropertySource environmentVariables(Map<String, Object> variables) {
        return new MapPropertySource("test-environment", variables) {
            @Override
            public int getOrder() {
                return EnvironmentPropertySource.POSITION;
            }

            @Override
            public PropertyConvention getConvention() {
                return PropertyConvention.ENVIRONMENT_VARIABLE;
            }
        };
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
