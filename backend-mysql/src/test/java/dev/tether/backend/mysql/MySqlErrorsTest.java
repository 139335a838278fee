package dev.tether.backend.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class MySqlErrorsTest {
    private final MySqlBackend backend = new MySqlBackend();

    @ParameterizedTest(name = "{0} [{1}] is {2}")
    @CsvSource({
            "1062, 23000, INTEGRITY", "1451, 23000, INTEGRITY", "1452, 23000, INTEGRITY", "1048, 23000, INTEGRITY",
            "3819, HY000, INTEGRITY", "4025, 23000, INTEGRITY",
            "1406, 22001, DATA", "1264, 22003, DATA", "1265, 01000, DATA", "1366, HY000, DATA", "1365, 22012, DATA",
            "2006, HY000, BROKEN", "2013, HY000, BROKEN", "1927, 70100, BROKEN", "4031, HY000, BROKEN",
            "1053, 08S01, BROKEN", "0, 08S01, BROKEN", "0, 08003, BROKEN",
            "1213, 40001, TRANSIENT", "1205, HY000, TRANSIENT", "1205, 40001, TRANSIENT", "0, 40001, TRANSIENT",
            "1146, 42S02, OTHER", "1317, 70100, OTHER", "1290, HY000, OTHER", "1836, HY000, BROKEN", "0, 22007, DATA", "0, 23000, INTEGRITY"})
    void errorNumberThenSqlStateDecides(int code, String state, ErrorClass expected) {
        assertEquals(expected, backend.classify(new SQLException("failed", state, code)));
    }

    @Test
    void aReadOnlyServerIsGoneForWritesButOtherOptionsAreNot() {
        SQLException readOnly = new SQLException("The MariaDB server is running with the --read-only option so it "
                + "cannot execute this statement", "HY000", 1290);
        SQLException securePriv = new SQLException("The MySQL server is running with the --secure-file-priv option "
                + "so it cannot execute this statement", "HY000", 1290);
        assertEquals(ErrorClass.BROKEN, backend.classify(readOnly));
        assertTrue(backend.serverGone(readOnly));
        assertEquals(ErrorClass.OTHER, backend.classify(securePriv));
        assertFalse(backend.serverGone(securePriv));
        assertTrue(backend.serverGone(new SQLException("Server shutdown in progress", "08S01", 1053)));
        assertFalse(backend.serverGone(new SQLException("Duplicate entry", "23000", 1062)));
    }

    @Test
    void anIoFailureWithoutStateMeansTheConnectionIsBroken() {
        assertEquals(ErrorClass.BROKEN, backend.classify(new SQLException("lost", null, new EOFException())));
    }

    @Test
    void aCommunicationsExceptionIsBrokenByItsType() {
        class CommunicationsException extends SQLException {
            CommunicationsException() {
                super("Communications link failure");
            }
        }
        assertEquals(ErrorClass.BROKEN, backend.classify(new CommunicationsException()));
    }

    @Test
    void noCodeOrStateAnywhereIsOther() {
        assertEquals(ErrorClass.OTHER, backend.classify(new SQLException("something")));
    }

    @Test
    void aWrapperWithoutStateIsReadThroughItsCause() {
        SQLException wrapper = new SQLException("wrapped", null, new SQLException("Duplicate entry", "23000", 1062));
        assertEquals(ErrorClass.INTEGRITY, backend.classify(wrapper));
    }

    @Test
    void aBatchThatLostItsConnectionIsBrokenWhateverItsFirstError() {
        BatchUpdateException batch = new BatchUpdateException("Duplicate entry", "23000", 1062, new int[0]);
        batch.setNextException(new SQLException("Communications link failure", "08S01"));
        assertEquals(ErrorClass.BROKEN, backend.classify(batch));
    }

    @Test
    void connectFailuresAreExplainedWithTheSettingToFix() {
        assertExplains("MAX_CONNECTIONS", new SQLException("Too many connections", "08004", 1040));
        assertExplains("PASSWORD", new SQLException("Access denied for user", "28000", 1045));
        assertExplains("NAME", new SQLException("Unknown database 'x'", "42000", 1049));
        assertExplains("FLUSH HOSTS", new SQLException("Host is blocked", "HY000", 1129));
        assertExplains("client host", new SQLException("Host is not allowed to connect", "HY000", 1130));
        assertExplains("time zone tables", new SQLException("Unknown or incorrect time zone", "HY000", 1298));
        assertExplains("allowPublicKeyRetrieval", new SQLException("Public Key Retrieval is not allowed", "08001"));
        assertExplains("HOST and PORT", new SQLException("Communications link failure", "08S01",
                new RuntimeException(new ConnectException("Connection refused"))));
        assertExplains("correct HOST", new SQLException("Communications link failure", "08S01",
                new UnknownHostException("nowhere.invalid")));
        assertExplains("CONNECT_TIMEOUT", new SQLException("Communications link failure", "08S01",
                new SocketTimeoutException("Read timed out")));
    }

    @Test
    void anUnknownFailureHasNoExplanation() {
        assertEquals(Optional.empty(), backend.explainConnectFailure(new SQLException("odd", "HY000", 1234)));
    }

    private void assertExplains(String expected, SQLException error) {
        String sentence = backend.explainConnectFailure(error).orElseThrow();
        assertTrue(sentence.contains(expected), () -> "'" + sentence + "' should mention " + expected);
    }
}
