package dev.tether.backend.postgres;

import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Pooler;
import dev.tether.spi.Hosts;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.PGProperty;

/** pgjdbc's URL and connection properties for one alias, and the checks of its OPTIONS. */
final class PostgresProperties {
    /** Reads wait at most this long unless OPTIONS sets socketTimeout, so a dead server cannot hang a request forever. */
    static final int DEFAULT_SOCKET_TIMEOUT_SECONDS = 300;

    private static final String DOCS = "https://jdbc.postgresql.org/documentation/use/#connection-parameters";

    /** Driver properties that have a setting of their own, which must win. */
    private static final Map<String, String> OWN_SETTINGS = Map.of(
            "user", "USER", "password", "PASSWORD", "PGDBNAME", "NAME", "PGHOST", "HOST", "PGPORT", "PORT");

    /** libpq spellings, as Django's OPTIONS has them, of properties pgjdbc spells differently. */
    private static final Map<String, String> LIBPQ_SPELLINGS = Map.of(
            "application_name", "ApplicationName", "connect_timeout", "connectTimeout");

    private PostgresProperties() {
    }

    /** The URL names only host and port: the database, user and password travel as properties, never in a message. */
    static String url(DatabaseSettings settings) {
        return "jdbc:postgresql://" + Hosts.authority(settings, PostgresBackend.DEFAULT_PORT) + "/";
    }

    static Properties of(DatabaseSettings settings) {
        Properties properties = new Properties();
        String connectSeconds = String.valueOf(wholeSeconds(settings.connectTimeout()));
        properties.setProperty(PGProperty.CONNECT_TIMEOUT.getName(), connectSeconds);
        // connectTimeout only bounds the TCP connect; loginTimeout also bounds a server that accepts and never answers.
        properties.setProperty(PGProperty.LOGIN_TIMEOUT.getName(), connectSeconds);
        properties.setProperty(PGProperty.SOCKET_TIMEOUT.getName(), String.valueOf(DEFAULT_SOCKET_TIMEOUT_SECONDS));
        properties.setProperty(PGProperty.TCP_KEEP_ALIVE.getName(), "true");
        if (settings.pooler() == Pooler.TRANSACTION) {
            // Named server-side statements live in one server session; the pooler hands the next transaction another.
            properties.setProperty(PGProperty.PREPARE_THRESHOLD.getName(), "0");
        }
        if (Hosts.several(settings)) {
            // After a failover the old primary may come back as a standby: connect only to the one that takes writes.
            properties.setProperty(PGProperty.TARGET_SERVER_TYPE.getName(), "primary");
        }
        settings.options().forEach((key, value) -> properties.setProperty(driverName(key), value));
        properties.setProperty(PGProperty.PG_DBNAME.getName(), settings.name());
        if (!settings.user().isEmpty()) {
            properties.setProperty(PGProperty.USER.getName(), settings.user());
        }
        if (!settings.password().isEmpty()) {
            properties.setProperty(PGProperty.PASSWORD.getName(), settings.password());
        }
        return properties;
    }

    static void validate(DatabaseSettings settings) {
        settings.options().forEach((key, value) -> validate(settings.alias(), key, value));
        String threshold = settings.options().get(PGProperty.PREPARE_THRESHOLD.getName());
        if (settings.pooler() == Pooler.TRANSACTION && threshold != null && Integer.parseInt(threshold.strip()) != 0) {
            throw ConfigurationException.of(settings.alias(), "OPTIONS." + PGProperty.PREPARE_THRESHOLD.getName(),
                    "is " + threshold.strip() + " with POOLER 'transaction', where a server-side prepared statement can "
                            + "land on another client's server session (prepared statement \"S_1\" already exists)",
                    "remove it from OPTIONS (POOLER 'transaction' sets 0) or set it to 0");
        }
    }

    private static void validate(String alias, String key, String value) {
        String shown = "OPTIONS." + key;
        String name = driverName(key);
        if (OWN_SETTINGS.containsKey(name)) {
            throw ConfigurationException.of(alias, shown, "repeats a setting of its own",
                    "set " + OWN_SETTINGS.get(name) + " instead and remove it from OPTIONS");
        }
        PGProperty property = PGProperty.forName(name);
        if (property == null) {
            throw ConfigurationException.of(alias, shown, "is not a pgjdbc connection property (pgjdbc would ignore it)",
                    nearest(key).map(known -> "did you mean " + known + "? ").orElse("")
                            + "see the property names at " + DOCS);
        }
        switch (property) {
            case CONNECT_TIMEOUT, LOGIN_TIMEOUT, SOCKET_TIMEOUT, CANCEL_SIGNAL_TIMEOUT ->
                    requireInteger(alias, shown, value, 0, "use a whole number of seconds, or 0 for no limit");
            case PREPARE_THRESHOLD -> requireInteger(alias, shown, value, -1,
                    "use 0 behind PgBouncer in transaction pooling mode (no server-side prepared statements), "
                            + "a positive number of executions before a statement is prepared (pgjdbc's default is 5), "
                            + "or -1 to force binary transfer");
            default -> {
                String[] choices = property.getChoices();
                boolean flag = "true".equals(property.getDefaultValue()) || "false".equals(property.getDefaultValue());
                if (choices == null && flag) {
                    choices = new String[] {"true", "false"};
                }
                if (choices != null && Arrays.stream(choices).noneMatch(choice -> choice.equalsIgnoreCase(value.strip()))) {
                    throw ConfigurationException.of(alias, shown, "is '" + value + "'",
                            "use one of " + String.join(", ", choices));
                }
            }
        }
    }

    private static void requireInteger(String alias, String key, String value, int min, String fix) {
        try {
            if (Integer.parseInt(value.strip()) >= min) {
                return;
            }
        } catch (NumberFormatException e) {
            // Reported below with the fix.
        }
        throw ConfigurationException.of(alias, key, "is '" + value + "'", fix);
    }

    private static String driverName(String key) {
        return LIBPQ_SPELLINGS.getOrDefault(key, key);
    }

    /** pgjdbc matches names exactly; a name that differs only in case or separators is the likely intent. */
    private static Optional<String> nearest(String key) {
        String wanted = squash(key);
        return Arrays.stream(PGProperty.values()).map(PGProperty::getName)
                .filter(name -> squash(name).equals(wanted)).findFirst();
    }

    private static String squash(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** pgjdbc takes whole seconds; round up so that a sub-second timeout does not become 0, which means none. */
    static int wholeSeconds(Duration duration) {
        long seconds = duration.toSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return Math.clamp(seconds, 1, Integer.MAX_VALUE);
    }
}
