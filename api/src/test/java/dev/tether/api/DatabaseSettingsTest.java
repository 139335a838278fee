package dev.tether.api;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

    private static Map<String, Object> django(Object... extra) {
        Map<String, Object> values = new HashMap<>(Map.of("ENGINE", "postgresql", "NAME", "app"));
        for (int i = 0; i < extra.length; i += 2) {
            values.put((String) extra[i], extra[i + 1]);
        }
        return values;
    }

    private static ConfigurationException invalid(Map<String, Object> values) {
        return assertThrows(ConfigurationException.class, () -> DatabaseSettings.fromMap("main", values));
    }

    @Test
    void readsDjangoKeysWithDjangosDefaults() {
        DatabaseSettings settings = DatabaseSettings.fromMap("default", Map.of("ENGINE", "django.db.backends.postgresql",
                "NAME", "app", "USER", "bob", "PASSWORD", "pw", "HOST", "db", "PORT", "5433",
                "OPTIONS", Map.of("sslmode", "require"), "TIME_ZONE", "UTC"));
        assertEquals("django.db.backends.postgresql", settings.engine());
        assertEquals(5433, settings.port());
        assertEquals(Map.of("sslmode", "require"), settings.options());
        assertEquals(Duration.ZERO, settings.maxAge(), "Django's default CONN_MAX_AGE is 0");
        assertFalse(settings.healthChecks());
        assertTrue(settings.autocommit());
        assertEquals(Persistence.THREAD, settings.persistence());
    }

    @Test
    void acceptsAnySpellingOfAKey() {
        DatabaseSettings settings = DatabaseSettings.fromMap("default", Map.of("engine", "mysql", "name", "app",
                "conn-max-age", 60, "connHealthChecks", "true", "max_connections", "4", "persistence", "context"));
        assertEquals(Duration.ofSeconds(60), settings.maxAge());
        assertTrue(settings.healthChecks());
        assertEquals(4, settings.maxConnections());
        assertEquals(Persistence.CONTEXT, settings.persistence());
    }

    @Test
    void maxAgeIsZeroSecondsOrUnlimited() {
        assertTrue(DatabaseSettings.fromMap("d", django("CONN_MAX_AGE", null)).unlimitedMaxAge());
        assertTrue(DatabaseSettings.fromMap("d", django("CONN_MAX_AGE", "unlimited")).unlimitedMaxAge());
        assertEquals(Duration.ofMinutes(5), DatabaseSettings.fromMap("d", django("CONN_MAX_AGE", "5m")).maxAge());
        assertEquals(Duration.ofMillis(1500), DatabaseSettings.fromMap("d", django("CONN_MAX_AGE", 1.5)).maxAge());
        assertEquals(Duration.ofSeconds(90), DatabaseSettings.fromMap("d", django("CONN_MAX_AGE", "PT90S")).maxAge());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "soon", "1y", ""})
    void badMaxAgeFailsNamingTheAliasTheKeyAndTheFix(String value) {
        ConfigurationException error = invalid(django("CONN_MAX_AGE", value));
        assertTrue(error.getMessage().startsWith("Database 'main': CONN_MAX_AGE"), error.getMessage());
        assertTrue(error.getMessage().contains("'unlimited'"), error.getMessage());
    }

    @Test
    void negativeNumericMaxAgeFails() {
        ConfigurationException error = invalid(django("CONN_MAX_AGE", -5));
        assertTrue(error.getMessage().contains("CONN_MAX_AGE"));
    }

    @Test
    void typoInAKeyFailsWithASuggestion() {
        ConfigurationException error = invalid(django("conn-max-agee", 60));
        assertTrue(error.getMessage().contains("'main'"));
        assertTrue(error.getMessage().contains("unknown setting 'conn-max-agee'"));
        assertTrue(error.getMessage().contains("did you mean CONN_MAX_AGE?"), error.getMessage());
    }

    @Test
    void missingEngineOrNameFails() {
        assertTrue(invalid(Map.of("NAME", "app")).getMessage().contains("ENGINE is missing"));
        assertTrue(invalid(Map.of("ENGINE", "mysql")).getMessage().contains("NAME is missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"70000", "-3", "http"})
    void badPortFails(String port) {
        ConfigurationException error = invalid(django("PORT", port));
        assertTrue(error.getMessage().contains("PORT"), error.getMessage());
    }

    @Test
    void badValuesOfOurOwnSettingsFail() {
        assertTrue(invalid(django("MAX_CONNECTIONS", 0)).getMessage().contains("MAX_CONNECTIONS"));
        assertTrue(invalid(django("PERSISTENCE", "greenlet")).getMessage().contains("'thread' or 'context'"));
        assertTrue(invalid(django("MAX_AGE_JITTER", 0.9)).getMessage().contains("MAX_AGE_JITTER"));
        assertTrue(invalid(django("CONN_HEALTH_CHECKS", "yes please")).getMessage().contains("true or false"));
        assertTrue(invalid(django("IDLE_TIMEOUT", 0)).getMessage().contains("IDLE_TIMEOUT"));
        assertTrue(invalid(django("POOLER", "pgbouncer")).getMessage().contains("'session' or 'transaction'"));
        assertTrue(invalid(django("SERVER_SHARE", 0)).getMessage().contains("SERVER_SHARE"));
        assertTrue(invalid(django("SERVER_SHARE", 1.5)).getMessage().contains("SERVER_SHARE"));
    }

    @Test
    void poolerAndServerShareAreReadFromKeysAndUrls() {
        DatabaseSettings settings = DatabaseSettings.fromMap("d", django("POOLER", "Transaction"));
        assertEquals(Pooler.TRANSACTION, settings.pooler());
        assertEquals(0.5, settings.serverShare());
        DatabaseSettings fromUrl = DatabaseSettings.fromUrl("d", "postgresql://u@h:6432/app?pooler=session&server_share=0.25");
        assertEquals(Pooler.SESSION, fromUrl.pooler());
        assertEquals(0.25, fromUrl.serverShare());
        assertEquals(Pooler.NONE, DatabaseSettings.fromUrl("d", "postgresql://u@h/app").pooler());
    }

    @Test
    void credentialLifetimeIsReadFromKeysAndUrlsAndCarriedByWithCredentials() {
        assertEquals(Duration.ZERO, DatabaseSettings.fromMap("d", django("POOLER", "none")).credentialLifetime());
        DatabaseSettings settings = DatabaseSettings.fromUrl("d", "postgresql://app:old@db1:5432,db2:5433/app?credential_lifetime=15m");
        assertEquals(Duration.ofMinutes(15), settings.credentialLifetime());
        assertEquals("db1:5432,db2", settings.host());
        assertTrue(invalid(django("CREDENTIAL_LIFETIME", -1)).getMessage().contains("CREDENTIAL_LIFETIME"));

        DatabaseSettings rotated = settings.withCredentials(new Credentials("app2", "new-secret"));
        assertEquals("app2", rotated.user());
        assertEquals("new-secret", rotated.password());
        assertEquals(Duration.ofMinutes(15), rotated.credentialLifetime());
        assertFalse(new Credentials("app2", "new-secret").toString().contains("new-secret"));
    }

    @Test
    void readsADatabaseUrl() {
        DatabaseSettings settings = DatabaseSettings.fromUrl("default",
                "postgresql://user:se%40cret@db.example:5432/app?conn_max_age=60&health_checks=true&sslmode=require");
        assertEquals("postgresql", settings.engine());
        assertEquals("user", settings.user());
        assertEquals("se@cret", settings.password());
        assertEquals("db.example", settings.host());
        assertEquals(5432, settings.port());
        assertEquals("app", settings.name());
        assertEquals(Duration.ofSeconds(60), settings.maxAge());
        assertTrue(settings.healthChecks());
        assertEquals(Map.of("sslmode", "require"), settings.options());
    }

    @Test
    void explicitKeysOverrideTheUrl() {
        DatabaseSettings settings = DatabaseSettings.fromMap("default",
                Map.of("url", "mysql://root@localhost/app?conn_max_age=10", "conn-max-age", 30));
        assertEquals(Duration.ofSeconds(30), settings.maxAge());
        assertEquals("mysql", settings.engine());
    }

    @Test
    void urlTypoFailsAndBadUrlDoesNotEchoThePassword() {
        ConfigurationException typo = assertThrows(ConfigurationException.class,
                () -> DatabaseSettings.fromUrl("default", "postgresql://u:pw@h/app?conn_max_agee=5"));
        assertTrue(typo.getMessage().contains("did you mean CONN_MAX_AGE?"), typo.getMessage());
        ConfigurationException bad = assertThrows(ConfigurationException.class,
                () -> DatabaseSettings.fromUrl("default", "postgresql://u:pa ss^word@h/app"));
        assertFalse(bad.getMessage().contains("pa ss^word"), bad.getMessage());
        assertTrue(bad.getMessage().contains("Database 'default': URL"), bad.getMessage());
    }

    @Test
    void passwordNeverAppearsInToString() {
        DatabaseSettings settings = DatabaseSettings.fromUrl("default", "postgresql://u:hunter2@h/app");
        assertFalse(settings.toString().contains("hunter2"));
        assertTrue(settings.toString().contains("password=****"));
    }

    @Test
    void invalidPasswordTypeDoesNotEchoIt() {
        ConfigurationException error = invalid(django("PASSWORD", Map.of("secret", "hunter2")));
        assertFalse(error.getMessage().contains("hunter2"));
    }

    @Test
    void urlHostMayHaveAnUnderscoreAndThePasswordAnUnencodedAt() {
        DatabaseSettings settings = DatabaseSettings.fromUrl("default", "postgresql://app:p@ss@my_db:5433/app");
        assertEquals("my_db", settings.host());
        assertEquals(5433, settings.port());
        assertEquals("app", settings.user());
        assertEquals("p@ss", settings.password());
    }

    @Test
    void urlWithABadPortFailsNamingPort() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> DatabaseSettings.fromUrl("default", "postgresql://u@h:http/app"));
        assertTrue(error.getMessage().contains("PORT"), error.getMessage());
    }

    @Test
    void secretLookingOptionsAreMaskedAndOptionValuesNeverEchoed() {
        DatabaseSettings settings = DatabaseSettings.fromUrl("default", "postgresql://u@h/app?sslpassword=TopSecret&sslmode=require");
        assertFalse(settings.toString().contains("TopSecret"), settings.toString());
        assertTrue(settings.toString().contains("sslmode=require"));
        ConfigurationException error = invalid(django("OPTIONS", "sslpassword"));
        assertFalse(error.getMessage().contains("sslpassword"), error.getMessage());
    }

    @Test
    void infiniteOrNumericOddValuesGetClearErrorsAndNumericPasswordsAreAccepted() {
        assertTrue(invalid(django("CONN_MAX_AGE", Double.POSITIVE_INFINITY)).getMessage().contains("CONN_MAX_AGE"));
        assertEquals("12345", DatabaseSettings.fromMap("d", django("PASSWORD", 12345)).password());
    }

    @Test
    void durationsTooLongForTheEngineAreRejectedNamingTheKey() {
        ConfigurationException acquire = invalid(django("ACQUIRE_TIMEOUT", "1000000d"));
        assertTrue(acquire.getMessage().contains("ACQUIRE_TIMEOUT") && acquire.getMessage().contains("at most 1 day"),
                acquire.getMessage());
        ConfigurationException idle = invalid(django("IDLE_TIMEOUT", "1000000d"));
        assertTrue(idle.getMessage().contains("IDLE_TIMEOUT"), idle.getMessage());
        ConfigurationException maxAge = invalid(django("CONN_MAX_AGE", "1000000d"));
        assertTrue(maxAge.getMessage().contains("'unlimited'"), maxAge.getMessage());
        assertTrue(DatabaseSettings.fromMap("main", django("CONN_MAX_AGE", "unlimited")).unlimitedMaxAge());
    }

    @Test
    void malformedUrlsNeverEchoWhatMayBeThePassword() {
        for (String url : List.of("postgresql://app:SECRET/db", "postgresql://app:SEC?RET@db.example/app",
                "postgresql://app:SEC#RET@db.example/app")) {
            ConfigurationException error = assertThrows(ConfigurationException.class,
                    () -> DatabaseSettings.fromUrl("main", url));
            assertFalse(error.getMessage().contains("SEC"), error.getMessage());
            assertTrue(error.getMessage().contains("'main'") && error.getMessage().contains("URL"), error.getMessage());
        }
    }

    @Test
    void aMapUnderTheWrongKeyIsNotEchoed() {
        ConfigurationException error = invalid(django("PORT", Map.of("password", "SECRET")));
        assertFalse(error.getMessage().contains("SECRET"), error.getMessage());
        assertTrue(error.getMessage().contains("PORT"), error.getMessage());
    }

    @Test
    void anOptionWithoutANameFailsClearly() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> DatabaseSettings.builder("main").option(null, "x"));
        assertTrue(error.getMessage().contains("'main'") && error.getMessage().contains("OPTIONS"), error.getMessage());
    }
}
