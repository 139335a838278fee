package dev.tether.backend.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.spi.ErrorClass;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresErrorsTest {
    private final PostgresBackend backend = new PostgresBackend();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "22012, DATA", "22003, DATA", "22P02, DATA", "23505, INTEGRITY", "23503, INTEGRITY", "23502, INTEGRITY",
            "08006, BROKEN", "08003, BROKEN", "08P01, BROKEN", "57P01, BROKEN", "57P02, BROKEN", "57P03, BROKEN",
            "57P05, BROKEN", "25P03, BROKEN", "53300, BROKEN", "25006, BROKEN", "40001, TRANSIENT", "40P01, TRANSIENT",
            "42P01, OTHER", "57014, OTHER", "25P02, OTHER", "XX000, OTHER"})
    void sqlStateDecides(String state, ErrorClass expected) {
        assertEquals(expected, backend.classify(new SQLException("failed", state)));
    }

    @ParameterizedTest(name = "{0}: server gone {1}")
    @CsvSource({"57P01, true", "57P02, true", "57P03, true", "57P05, true", "08006, true", "25006, true",
            "25P03, false", "53300, false", "40001, false", "42P01, false"})
    void theServerIsGoneWhenItShutsDownRestartsTimesOutIdleSessionsOrTurnsReadOnly(String state, boolean gone) {
        assertEquals(gone, backend.serverGone(new SQLException("failed", state)));
        assertTrue(backend.serverGone(new SQLException("I/O error", null, new EOFException())));
    }

    @Test
    void anIoFailureWithoutStateMeansTheConnectionIsBroken() {
        assertEquals(ErrorClass.BROKEN, backend.classify(new SQLException("I/O error", null, new EOFException())));
    }

    @Test
    void noStateAnywhereIsOther() {
        assertEquals(ErrorClass.OTHER, backend.classify(new SQLException("something")));
    }

    @Test
    void aWrapperWithoutStateIsReadThroughItsCause() {
        SQLException wrapper = new SQLException("wrapped", null, new SQLException("duplicate key", "23505"));
        assertEquals(ErrorClass.INTEGRITY, backend.classify(wrapper));
    }

    @Test
    void aBatchThatLostItsConnectionIsBrokenWhateverItsFirstError() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", "23505", new int[0]);
        batch.setNextException(new SQLException("An I/O error occurred", "08006"));
        assertEquals(ErrorClass.BROKEN, backend.classify(batch));
    }

    @Test
    void theFirstStateInTheChainDecides() {
        SQLException error = new SQLException("bad value", "22P02");
        error.setNextException(new SQLException("duplicate key", "23505"));
        assertEquals(ErrorClass.DATA, backend.classify(error));
    }

    @Test
    void aCyclicChainIsStillClassified() {
        SQLException first = new SQLException("first", (String) null);
        SQLException second = new SQLException("second", null, first);
        first.initCause(second);
        first.setNextException(second);
        assertEquals(ErrorClass.OTHER, backend.classify(first));
    }

    @Test
    void connectFailuresAreExplainedWithTheSettingToFix() {
        assertExplains("MAX_CONNECTIONS", new SQLException("FATAL: sorry, too many clients already", "53300"));
        assertExplains("max_connections", new SQLException("FATAL: sorry, too many clients already", "53300"));
        assertExplains("PASSWORD", new SQLException("FATAL: password authentication failed", "28P01"));
        assertExplains("pg_hba.conf", new SQLException("FATAL: no pg_hba.conf entry", "28000"));
        assertExplains("NAME", new SQLException("FATAL: database \"x\" does not exist", "3D000"));
        assertExplains("HOST and PORT", new SQLException("Connection refused", "08001", new ConnectException()));
        assertExplains("correct HOST", new SQLException("The connection attempt failed.", "08001",
                new UnknownHostException("nowhere.invalid")));
        assertExplains("CONNECT_TIMEOUT", new SQLException("The connection attempt failed.", "08001",
                new SocketTimeoutException()));
        assertExplains("CONNECT_TIMEOUT", new SQLException("Connection attempt timed out.", "08001"));
        assertExplains("TIME_ZONE", new SQLException("invalid value for parameter \"TimeZone\": \"Mars\"", "22023"));
    }

    @Test
    void anUnknownFailureHasNoExplanation() {
        assertEquals(Optional.empty(), backend.explainConnectFailure(new SQLException("odd", "XX000")));
    }

    private void assertExplains(String expected, SQLException error) {
        String sentence = backend.explainConnectFailure(error).orElseThrow();
        assertTrue(sentence.contains(expected), () -> "'" + sentence + "' should mention " + expected);
    }
}
