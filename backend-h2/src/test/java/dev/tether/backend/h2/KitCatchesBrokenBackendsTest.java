package dev.tether.backend.h2;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tether.api.DatabaseSettings;
import dev.tether.backend.kit.BackendKit;
import dev.tether.backend.kit.Capability;
import dev.tether.backend.kit.KitDatabase;
import dev.tether.spi.Backend;
import dev.tether.spi.ErrorClass;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The kit fails a backend broken in any one SPI method, and names the test that caught it. */
class KitCatchesBrokenBackendsTest {
    /** The backend the {@link MutantKit} run tests; set before each run (runs are sequential). */
    private static volatile Backend mutant;

    static Stream<Arguments> mutants() {
        return Stream.of(
                Arguments.of("engineNames() empty", "engineNamesFindThisBackendThroughServiceLoader", new H2Delegate() {
                    @Override
                    public List<String> engineNames() {
                        return List.of();
                    }
                }),
                Arguments.of("defaultPort() 0", "defaultPortIsATcpPort", new H2Delegate() {
                    @Override
                    public int defaultPort() {
                        return 0;
                    }
                }),
                Arguments.of("validate() accepts anything", "validateRefusesABadOptionNamingTheAliasAndTheOption", new H2Delegate() {
                    @Override
                    public void validate(DatabaseSettings settings) {
                    }
                }),
                Arguments.of("connect() ignores NAME", "connectOpensSeparateSessionsOnTheNamedDatabase", new H2Delegate() {
                    @Override
                    public Connection connect(DatabaseSettings settings) throws SQLException {
                        return super.connect(settings.toBuilder().name("mem:").build());
                    }
                }),
                Arguments.of("initialize() does nothing", "initializeAppliesTheAutocommitSetting", new H2Delegate() {
                    @Override
                    public void initialize(Connection connection, DatabaseSettings settings) {
                    }
                }),
                Arguments.of("isUsable() always true", "isUsableIsFalseOnAClosedConnectionWithoutThrowing", new H2Delegate() {
                    @Override
                    public boolean isUsable(Connection connection) {
                        return true;
                    }
                }),
                Arguments.of("inTransaction() always false", "inTransactionSeesATransactionOpenedWithSql", new H2Delegate() {
                    @Override
                    public boolean inTransaction(Connection connection) {
                        return false;
                    }
                }),
                Arguments.of("classify() always OTHER", "duplicateKeyIsIntegrity", new H2Delegate() {
                    @Override
                    public ErrorClass classify(SQLException error) {
                        return ErrorClass.OTHER;
                    }
                }),
                Arguments.of("connectionLimit() 0", "connectionLimitIsPositiveOrUnknownAndLeavesTheSessionAsItWas", new H2Delegate() {
                    @Override
                    public OptionalInt connectionLimit(Connection connection) {
                        return OptionalInt.of(0);
                    }
                }),
                Arguments.of("explainConnectFailure() blank", "connectFailureExplanationIsASentenceOrNothing", new H2Delegate() {
                    @Override
                    public Optional<String> explainConnectFailure(SQLException error) {
                        return Optional.of(" ");
                    }
                }));
    }

    @ParameterizedTest(name = "{0} is caught by {1}")
    @MethodSource("mutants")
    void kitFailsTheMutant(String mutation, String catchingTest, Backend broken) {
        mutant = broken;
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(MutantKit.class)).execute().testEvents();
        Set<String> failed = new TreeSet<>();
        tests.failed().stream().forEach(event -> failed.add(event.getTestDescriptor().getDisplayName().replace("()", "")));
        assertTrue(failed.contains(catchingTest), mutation + " should fail " + catchingTest + "; failed: " + failed);
    }

    /** The in-process H2 kit, run on the current {@link #mutant} (on H2's own backend when run by itself). */
    static class MutantKit extends BackendKit {
        @Override
        protected KitDatabase database() {
            return new H2KitDatabase(mutant == null ? new H2Backend() : mutant, settings -> settings.name("mem:tether_kit_mutants").option("DB_CLOSE_DELAY", "-1"),
                    EnumSet.of(Capability.TERMINATES_SESSIONS));
        }
    }

    /** H2's backend with every method delegated, for a mutant to override one. */
    private static class H2Delegate implements Backend {
        private final Backend h2 = new H2Backend();

        @Override
        public List<String> engineNames() {
            return h2.engineNames();
        }

        @Override
        public int defaultPort() {
            return h2.defaultPort();
        }

        @Override
        public void validate(DatabaseSettings settings) {
            h2.validate(settings);
        }

        @Override
        public Connection connect(DatabaseSettings settings) throws SQLException {
            return h2.connect(settings);
        }

        @Override
        public void initialize(Connection connection, DatabaseSettings settings) throws SQLException {
            h2.initialize(connection, settings);
        }

        @Override
        public boolean isUsable(Connection connection) {
            return h2.isUsable(connection);
        }

        @Override
        public boolean inTransaction(Connection connection) {
            return h2.inTransaction(connection);
        }

        @Override
        public ErrorClass classify(SQLException error) {
            return h2.classify(error);
        }

        @Override
        public OptionalInt connectionLimit(Connection connection) {
            return h2.connectionLimit(connection);
        }

        @Override
        public Optional<String> explainConnectFailure(SQLException error) {
            return h2.explainConnectFailure(error);
        }
    }
}
