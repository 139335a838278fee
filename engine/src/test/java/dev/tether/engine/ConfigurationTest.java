package dev.tether.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.ConfigurationException;
import dev.tether.api.ContextState;
import dev.tether.api.ContextStorage;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.api.TetherException;
import dev.tether.api.UnitOfWork;
import dev.tether.engine.testing.TestBackend;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mistakes in setting Tether up fail at build time, or at first use with a message that says what to do. */
class ConfigurationTest {

    @Test
    void unknownEngineFailsAtBuildListingTheEnginesFound() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> Tether.builder()
                .backend(new TestBackend()).database("default", Map.of("ENGINE", "oracle", "NAME", "app")).build());
        assertTrue(error.getMessage().contains("Database 'default': ENGINE"), error.getMessage());
        assertTrue(error.getMessage().contains("'oracle'"), error.getMessage());
        assertTrue(error.getMessage().contains("test"), error.getMessage());
    }

    @Test
    void noDatabasesConfiguredFailsOnAnyUseSayingSo() {
        try (Tether tether = Tether.builder().build(); UnitOfWork ignored = tether.begin()) {
            TetherException error = assertThrows(TetherException.class, () -> tether.connection("default"));
            assertTrue(error.getMessage().contains("No databases are configured"), error.getMessage());
        }
    }

    @Test
    void unknownAliasFailsNamingItAndTheConfiguredOnes() {
        try (Tether tether = Tether.builder().backend(new TestBackend())
                .database(DatabaseSettings.builder("default").engine("test").name("a").build())
                .database(DatabaseSettings.builder("replica").engine("test").name("b").build()).build()) {
            TetherException error = assertThrows(TetherException.class, () -> tether.dataSource("reporting"));
            assertTrue(error.getMessage().contains("'reporting'"), error.getMessage());
            assertTrue(error.getMessage().contains("default, replica"), error.getMessage());
        }
    }

    @Test
    void startUpCheckFailsTheBuildNamingTheAliasAndTheFix() {
        TestBackend backend = new TestBackend();
        backend.failConnectWith = "08001";
        Tether.Builder builder = Tether.builder().backend(backend).checkOnStart(true)
                .database(DatabaseSettings.builder("reports").engine("test").name("r").password("s3cret").build());

        TetherException error = assertThrows(TetherException.class, builder::build);

        assertTrue(error.getMessage().startsWith("Database 'reports' failed its start-up check: [reports] cannot connect"),
                error.getMessage());
        assertTrue(error.getMessage().contains("simulated connect failure"), error.getMessage());
        assertTrue(error.getMessage().contains("turn the start-up check off"), error.getMessage());
        assertFalse(error.getMessage().contains("s3cret"), error.getMessage());
    }

    @Test
    void startUpCheckKeepsItsConnectionForTheFirstRequest() throws Exception {
        TestBackend backend = new TestBackend();
        try (Tether tether = Tether.builder().backend(backend).checkOnStart(true)
                .database(DatabaseSettings.builder("default").engine("test").name("a").maxAge(DatabaseSettings.UNLIMITED)
                        .build()).build()) {
            assertEquals(1, backend.opened(), "the check opened one connection");
            assertEquals(0, tether.stats("default").inUse(), "and released it");
            try (UnitOfWork ignored = tether.begin(); java.sql.Connection c = tether.connection("default")) {
                c.getAutoCommit();
            }
            assertEquals(1, backend.opened(), "the first request reused it");
        }
    }

    @Test
    void withoutTheStartUpCheckNothingConnectsAtBuild() {
        TestBackend backend = new TestBackend();
        backend.failConnectWith = "08001";
        try (Tether ignored = Tether.builder().backend(backend)
                .database(DatabaseSettings.builder("default").engine("test").name("a").build()).build()) {
            assertEquals(0, backend.opened());
        }
    }

    @Test
    void sameAliasTwiceFails() {
        DatabaseSettings settings = DatabaseSettings.builder("default").engine("test").name("a").build();
        assertThrows(ConfigurationException.class, () -> Tether.builder().database(settings).database(settings));
    }

    @Test
    void unitsOfWorkNestAndOnlyTheOutermostSendsTheSignals() throws Exception {
        try (Scenario s = Scenario.maxAge(java.time.Duration.ZERO)) {
            try (UnitOfWork outer = s.tether.begin()) {
                try (UnitOfWork inner = s.tether.begin()) {
                    s.query("select 1");
                }
                s.query("select 2");
                outer.close();
                outer.close(); // idempotent
            }
            assertTrue(s.signals.events.equals(java.util.List.of("started", "created #1", "finished", "closed #1 MAX_AGE")),
                    s.signals.events.toString());
        }
    }

    @Test
    void aUnitOfWorkCanBeFinishedFromAnotherThread() throws Exception {
        try (Scenario s = Scenario.maxAge(java.time.Duration.ZERO)) {
            UnitOfWork work = s.tether.begin();
            s.query("select 1");
            Thread.ofPlatform().start(work::close).join();
            assertTrue(s.current().closed);
        }
    }

    @Test
    void twoEnginesSharingOneContextStorageFailClearly() {
        ContextStorage shared = new ContextStorage() {
            private ContextState state;

            @Override
            public ContextState get() {
                return state;
            }

            @Override
            public void set(ContextState value) {
                state = value;
            }
        };
        DatabaseSettings settings = DatabaseSettings.builder("default").engine("test").name("a")
                .persistence(Persistence.CONTEXT).build();
        try (Tether first = Tether.builder().backend(new TestBackend()).database(settings).contextStorage(shared).build();
             Tether second = Tether.builder().backend(new TestBackend()).database(settings).contextStorage(shared).build()) {
            first.wrapper("default");
            TetherException error = assertThrows(TetherException.class, () -> second.wrapper("default"));
            assertTrue(error.getMessage().contains("its own ContextStorage"), error.getMessage());
        }
    }
}
