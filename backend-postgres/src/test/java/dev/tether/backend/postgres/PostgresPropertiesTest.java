package dev.tether.backend.postgres;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Pooler;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresPropertiesTest {
    private final PostgresBackend backend = new PostgresBackend();

    private static DatabaseSettings.Builder settings() {
        return DatabaseSettings.builder("orders").engine("postgresql").name("shop").user("app").password("s3cret!")
                .host("db.internal").port(6432);
    }

    @Test
    void theUrlNamesOnlyHostAndPort() {
        String url = PostgresProperties.url(settings().build());
        assertEquals("jdbc:postgresql://db.internal:6432/", url);
        assertFalse(url.contains("s3cret!"));
    }

    @Test
    void theUrlDefaultsToLocalhostOnThePostgresPort() {
        DatabaseSettings settings = DatabaseSettings.builder("default").engine("postgresql").name("shop").build();
        assertEquals("jdbc:postgresql://localhost:5432/", PostgresProperties.url(settings));
    }

    @Test
    void anIpv6HostIsBracketed() {
        assertEquals("jdbc:postgresql://[::1]:6432/", PostgresProperties.url(settings().host("::1").build()));
        assertEquals("jdbc:postgresql://[::1]:6432/", PostgresProperties.url(settings().host("[::1]").build()));
    }

    @Test
    void behindATransactionPoolerServerSidePreparedStatementsAreOff() {
        assertEquals("0", PostgresProperties.of(settings().pooler(Pooler.TRANSACTION).build()).getProperty("prepareThreshold"));
        assertNull(PostgresProperties.of(settings().pooler(Pooler.SESSION).build()).getProperty("prepareThreshold"));
        assertDoesNotThrow(() -> backend.validate(settings().pooler(Pooler.TRANSACTION).option("prepareThreshold", "0").build()));
    }

    @Test
    void anotherPrepareThresholdBehindATransactionPoolerFailsNamingTheFix() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> backend.validate(settings().pooler(Pooler.TRANSACTION).option("prepareThreshold", "5").build()));
        assertTrue(error.getMessage().contains("'orders'"), error.getMessage());
        assertTrue(error.getMessage().contains("OPTIONS.prepareThreshold"), error.getMessage());
        assertTrue(error.getMessage().contains("remove it from OPTIONS (POOLER 'transaction' sets 0) or set it to 0"),
                error.getMessage());
    }

    @Test
    void databaseUserAndPasswordAreProperties() {
        Properties properties = PostgresProperties.of(settings().build());
        assertEquals("shop", properties.getProperty("PGDBNAME"));
        assertEquals("app", properties.getProperty("user"));
        assertEquals("s3cret!", properties.getProperty("password"));
    }

    @Test
    void anEmptyPasswordIsNotSent() {
        assertNull(PostgresProperties.of(settings().password("").build()).getProperty("password"));
    }

    @Test
    void timeoutsBoundEveryWaitByDefault() {
        Properties properties = PostgresProperties.of(settings().connectTimeout(Duration.ofMillis(2500)).build());
        assertEquals("3", properties.getProperty("connectTimeout"));
        assertEquals("3", properties.getProperty("loginTimeout"));
        assertEquals("300", properties.getProperty("socketTimeout"));
        assertEquals("true", properties.getProperty("tcpKeepAlive"));
    }

    @Test
    void aSubSecondConnectTimeoutStaysBounded() {
        Properties properties = PostgresProperties.of(settings().connectTimeout(Duration.ofMillis(200)).build());
        assertEquals("1", properties.getProperty("connectTimeout"));
    }

    @Test
    void optionsOverrideTheDefaults() {
        Properties properties = PostgresProperties.of(settings()
                .options(Map.of("socketTimeout", "30", "sslmode", "require", "application_name", "billing")).build());
        assertEquals("30", properties.getProperty("socketTimeout"));
        assertEquals("require", properties.getProperty("sslmode"));
        assertEquals("billing", properties.getProperty("ApplicationName"), "libpq's spelling, as in Django's OPTIONS");
    }

    @Test
    void knownOptionsAreAccepted() {
        assertDoesNotThrow(() -> backend.validate(settings().options(Map.of("prepareThreshold", "0", "sslmode", "verify-full",
                "tcpKeepAlive", "false", "ApplicationName", "billing", "connectTimeout", "5")).build()));
    }

    @Test
    void aMisspeltOptionFailsWithTheNearestProperty() {
        ConfigurationException e = invalid(Map.of("sslMode", "require"));
        assertTrue(e.getMessage().contains("'orders'"), e.getMessage());
        assertTrue(e.getMessage().contains("OPTIONS.sslMode"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean sslmode?"), e.getMessage());
    }

    @Test
    void anUnknownOptionFailsPointingAtTheList() {
        ConfigurationException e = invalid(Map.of("frobnicate", "1"));
        assertTrue(e.getMessage().contains("OPTIONS.frobnicate is not a pgjdbc connection property"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc.postgresql.org"), e.getMessage());
    }

    @Test
    void aTimeoutMustBeAWholeNumberOfSeconds() {
        ConfigurationException e = invalid(Map.of("socketTimeout", "30s"));
        assertTrue(e.getMessage().contains("OPTIONS.socketTimeout is '30s'"), e.getMessage());
        assertTrue(e.getMessage().contains("whole number of seconds"), e.getMessage());
        invalid(Map.of("connectTimeout", "-1"));
    }

    @Test
    void prepareThresholdExplainsPgBouncer() {
        ConfigurationException e = invalid(Map.of("prepareThreshold", "off"));
        assertTrue(e.getMessage().contains("use 0 behind PgBouncer"), e.getMessage());
        invalid(Map.of("prepareThreshold", "-2"));
    }

    @Test
    void aValueOutsideTheDriversChoicesIsListed() {
        ConfigurationException e = invalid(Map.of("sslmode", "always"));
        assertTrue(e.getMessage().contains("disable, allow, prefer, require, verify-ca, verify-full"), e.getMessage());
    }

    @Test
    void aFlagMustBeTrueOrFalse() {
        ConfigurationException e = invalid(Map.of("tcpKeepAlive", "yes"));
        assertTrue(e.getMessage().contains("true, false"), e.getMessage());
    }

    @Test
    void settingsOfTheirOwnCannotHideInOptions() {
        ConfigurationException e = invalid(Map.of("password", "other"));
        assertTrue(e.getMessage().contains("set PASSWORD instead"), e.getMessage());
        assertFalse(e.getMessage().contains("other"), "the value of a password option is never shown");
        assertTrue(invalid(Map.of("PGDBNAME", "x")).getMessage().contains("set NAME instead"));
    }

    private ConfigurationException invalid(Map<String, String> options) {
        return assertThrows(ConfigurationException.class, () -> backend.validate(settings().options(options).build()));
    }
}
