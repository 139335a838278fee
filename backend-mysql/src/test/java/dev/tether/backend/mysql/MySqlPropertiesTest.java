package dev.tether.backend.mysql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MySqlPropertiesTest {
    private final MySqlBackend backend = new MySqlBackend();

    private static DatabaseSettings.Builder settings() {
        return DatabaseSettings.builder("orders").engine("mysql").name("shop").user("app").password("s3cret!")
                .host("db.internal").port(3307);
    }

    @Test
    void theUrlNamesOnlyHostAndPort() {
        String url = MySqlProperties.url(settings().build());
        assertEquals("jdbc:mysql://db.internal:3307/", url);
        assertFalse(url.contains("s3cret!"));
    }

    @Test
    void theUrlDefaultsToLocalhostOnTheMySqlPort() {
        DatabaseSettings settings = DatabaseSettings.builder("default").engine("mariadb").name("shop").build();
        assertEquals("jdbc:mysql://localhost:3306/", MySqlProperties.url(settings));
        assertEquals("jdbc:mysql://[::1]:3307/", MySqlProperties.url(settings().host("::1").build()));
    }

    @Test
    void databaseUserAndPasswordAreProperties() {
        Properties properties = MySqlProperties.of(settings().build());
        assertEquals("shop", properties.getProperty("dbname"));
        assertEquals("app", properties.getProperty("user"));
        assertEquals("s3cret!", properties.getProperty("password"));
        assertNull(MySqlProperties.of(settings().password("").build()).getProperty("password"));
    }

    @Test
    void timeoutsBoundEveryWaitByDefault() {
        Properties properties = MySqlProperties.of(settings().connectTimeout(Duration.ofMillis(2500)).build());
        assertEquals("2500", properties.getProperty("connectTimeout"));
        assertEquals("300000", properties.getProperty("socketTimeout"));
        assertEquals("true", properties.getProperty("tcpKeepAlive"));
    }

    @Test
    void optionsOverrideTheDefaultsInAnyCase() {
        Properties properties = MySqlProperties.of(settings().options(Map.of("SOCKETTIMEOUT", "30000", "sslMode", "REQUIRED"))
                .build());
        assertEquals("30000", MySqlProperties.get(properties, "socketTimeout"));
        assertNull(properties.getProperty("socketTimeout"), "one spelling only, so Connector/J cannot pick the default");
        assertEquals("REQUIRED", properties.getProperty("sslMode"));
    }

    @Test
    void theDriverConvertsInstantsInTheSessionTimeZone() {
        assertEquals("Europe/Paris", MySqlProperties.of(settings().timeZone("Europe/Paris").build())
                .getProperty("connectionTimeZone"));
        assertEquals("SERVER", MySqlProperties.of(settings().timeZone("SYSTEM").build()).getProperty("connectionTimeZone"));
        assertNull(MySqlProperties.of(settings().build()).getProperty("connectionTimeZone"));
    }

    @Test
    void theUsersServerTimezoneWinsOverTheTimeZoneSetting() {
        Properties properties = MySqlProperties.of(settings().timeZone("UTC").options(Map.of("serverTimezone", "Asia/Tokyo"))
                .build());
        assertNull(properties.getProperty("connectionTimeZone"));
        assertEquals("Asia/Tokyo", properties.getProperty("serverTimezone"));
    }

    @Test
    void zonesWithoutDaylightSavingAreSentAsOffsets() {
        assertEquals("+00:00", MySqlProperties.sessionTimeZone("UTC"));
        assertEquals("+00:00", MySqlProperties.sessionTimeZone("Z"));
        assertEquals("+05:30", MySqlProperties.sessionTimeZone("+05:30"));
        assertEquals("+03:00", MySqlProperties.sessionTimeZone("Etc/GMT-3"));
        assertEquals("Europe/Paris", MySqlProperties.sessionTimeZone("Europe/Paris"));
        assertEquals("SYSTEM", MySqlProperties.sessionTimeZone("system"));
    }

    @Test
    void isolationLevelIsTethersOptionNotTheDrivers() {
        DatabaseSettings settings = settings().options(Map.of("isolation_level", "read committed")).build();
        assertEquals(Optional.of(IsolationLevel.READ_COMMITTED), MySqlProperties.isolationLevel(settings));
        assertNull(MySqlProperties.get(MySqlProperties.of(settings), "isolation_level"));
    }

    @Test
    void isolationLevelAcceptsDjangosSpellingsInAnyCase() {
        assertEquals(Optional.of(IsolationLevel.REPEATABLE_READ), IsolationLevel.parse("REPEATABLE_READ"));
        assertEquals(Optional.of(IsolationLevel.READ_UNCOMMITTED), IsolationLevel.parse(" read uncommitted "));
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, IsolationLevel.parse("serializable").orElseThrow().jdbcLevel);
    }

    @Test
    void anInvalidIsolationLevelListsTheValidOnes() {
        ConfigurationException e = invalid(settings().options(Map.of("isolation_level", "snapshot")));
        assertTrue(e.getMessage().startsWith("Database 'orders': OPTIONS.isolation_level is 'snapshot'"), e.getMessage());
        assertTrue(e.getMessage().contains("'read uncommitted', 'read committed', 'repeatable read', 'serializable'"),
                e.getMessage());
    }

    @Test
    void anUnknownTimeZoneFailsAtStartUp() {
        ConfigurationException e = invalid(settings().timeZone("Mars/Olympus_Mons"));
        assertTrue(e.getMessage().contains("TIME_ZONE is 'Mars/Olympus_Mons'"), e.getMessage());
        assertTrue(e.getMessage().contains("'+02:00'"), e.getMessage());
    }

    @Test
    void aTimeoutMustBeAWholeNumberOfMilliseconds() {
        ConfigurationException e = invalid(settings().options(Map.of("socketTimeout", "30s")));
        assertTrue(e.getMessage().contains("OPTIONS.socketTimeout is '30s'"), e.getMessage());
        assertTrue(e.getMessage().contains("milliseconds"), e.getMessage());
    }

    @Test
    void aValueOutsideTheDriversChoicesIsListed() {
        ConfigurationException e = invalid(settings().options(Map.of("sslMode", "always")));
        assertTrue(e.getMessage().contains("DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY"), e.getMessage());
        assertTrue(invalid(settings().options(Map.of("tcpKeepAlive", "sometimes"))).getMessage().contains("TRUE"));
    }

    @Test
    void settingsOfTheirOwnCannotHideInOptions() {
        assertTrue(invalid(settings().options(Map.of("password", "other"))).getMessage().contains("set PASSWORD instead"));
        assertTrue(invalid(settings().options(Map.of("dbname", "other"))).getMessage().contains("set NAME instead"));
    }

    @Test
    void knownAndUnlistedOptionsAreAccepted() {
        assertDoesNotThrow(() -> backend.validate(settings().timeZone("SYSTEM").options(Map.of("sslmode", "disabled",
                "useServerPrepStmts", "true", "serverTimezone", "UTC", "connectTimeout", "0", "someFutureProperty", "1"))
                .build()));
    }

    private ConfigurationException invalid(DatabaseSettings.Builder settings) {
        return assertThrows(ConfigurationException.class, () -> backend.validate(settings.build()));
    }
}
