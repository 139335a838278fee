package dev.tether.backend.mysql;

import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import dev.tether.spi.Hosts;
import java.lang.System.Logger.Level;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** Connector/J's URL and connection properties for one alias, and the checks of its OPTIONS and TIME_ZONE. */
final class MySqlProperties {
    private static final System.Logger LOG = System.getLogger("dev.tether.backend.mysql");

    /** Reads wait at most this long unless OPTIONS sets socketTimeout, so a dead server cannot hang a request forever. */
    static final int DEFAULT_SOCKET_TIMEOUT_MILLIS = 300_000;
    static final String SOCKET_TIMEOUT = "socketTimeout";
    /** Tether's own option, applied by {@link MySqlBackend#initialize}; Connector/J never sees it. */
    static final String ISOLATION_LEVEL = "isolation_level";

    private static final String DOCS =
            "https://dev.mysql.com/doc/connector-j/en/connector-j-reference-configuration-properties.html";

    /** Driver properties that have a setting of their own, which must win. */
    private static final Map<String, String> OWN_SETTINGS = Map.of(
            "user", "USER", "password", "PASSWORD", "dbname", "NAME", "host", "HOST", "port", "PORT");

    /** Older names Connector/J still accepts but does not list in getPropertyInfo. */
    private static final Set<String> ALIASES = Set.of("servertimezone", "namedpipepath", "cachedefaulttimezone",
            "nullcatalogmeanscurrent", "parseinfocachefactory", "enabledsslciphersuites", "enabledtlsprotocols");

    private MySqlProperties() {
    }

    /** The URL names only host and port: the database, user and password travel as properties, never in a message. */
    static String url(DatabaseSettings settings) {
        return "jdbc:mysql://" + Hosts.authority(settings, MySqlBackend.DEFAULT_PORT) + "/";
    }

    static Properties of(DatabaseSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", String.valueOf(settings.connectTimeout().toMillis()));
        properties.setProperty(SOCKET_TIMEOUT, String.valueOf(DEFAULT_SOCKET_TIMEOUT_MILLIS));
        properties.setProperty("tcpKeepAlive", "true");
        if (!settings.timeZone().isEmpty()) {
            // Connector/J converts instants with this zone; it must match the session's time_zone set by initialize.
            properties.setProperty("connectionTimeZone", connectionTimeZone(settings.timeZone()));
        }
        settings.options().forEach((key, value) -> {
            if (!isIsolationLevel(key)) {
                if (squash(key).equals("servertimezone")) {
                    remove(properties, "connectionTimeZone");
                }
                put(properties, key, value);
            }
        });
        properties.setProperty("dbname", settings.name());
        if (!settings.user().isEmpty()) {
            properties.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            properties.setProperty("password", settings.password());
        }
        return properties;
    }

    /** Connector/J matches most names ignoring case: a new spelling replaces an old one instead of racing it. */
    static void put(Properties properties, String name, String value) {
        remove(properties, name);
        properties.setProperty(name, value);
    }

    private static void remove(Properties properties, String name) {
        properties.stringPropertyNames().stream().filter(known -> known.equalsIgnoreCase(name)).forEach(properties::remove);
    }

    /** The value of a property under any case of its name, or {@code null}. */
    static String get(Properties properties, String name) {
        return properties.stringPropertyNames().stream().filter(known -> known.equalsIgnoreCase(name)).findFirst()
                .map(properties::getProperty).orElse(null);
    }

    static Optional<IsolationLevel> isolationLevel(DatabaseSettings settings) {
        return settings.options().entrySet().stream().filter(option -> isIsolationLevel(option.getKey())).findFirst()
                .flatMap(option -> IsolationLevel.parse(option.getValue()));
    }

    private static boolean isIsolationLevel(String key) {
        return squash(key).equals(squash(ISOLATION_LEVEL));
    }

    /**
     * The session's time_zone for TIME_ZONE. A zone with a fixed offset ('UTC', '+02:00') is sent as the offset,
     * which every server understands; a zone with daylight saving needs the server's time zone tables.
     */
    static String sessionTimeZone(String timeZone) {
        if (timeZone.equalsIgnoreCase("SYSTEM")) {
            return "SYSTEM";
        }
        ZoneId zone = ZoneId.of(timeZone);
        if (!zone.getRules().isFixedOffset()) {
            return timeZone;
        }
        ZoneOffset offset = zone.getRules().getOffset(Instant.EPOCH);
        return offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
    }

    private static String connectionTimeZone(String timeZone) {
        return timeZone.equalsIgnoreCase("SYSTEM") ? "SERVER" : timeZone;
    }

    static void validate(DatabaseSettings settings, Driver driver) {
        String alias = settings.alias();
        if (!settings.timeZone().isEmpty() && !settings.timeZone().equalsIgnoreCase("SYSTEM")) {
            try {
                ZoneId.of(settings.timeZone());
            } catch (DateTimeException e) {
                throw ConfigurationException.of(alias, "TIME_ZONE", "is '" + settings.timeZone() + "', which is not a time zone",
                        "use a name such as 'UTC' or 'Europe/Paris', an offset such as '+02:00', or 'SYSTEM' for the server's");
            }
        }
        DriverPropertyInfo[] known = propertyInfo(driver);
        settings.options().forEach((key, value) -> validate(alias, key, value, known));
    }

    private static void validate(String alias, String key, String value, DriverPropertyInfo[] known) {
        String shown = "OPTIONS." + key;
        if (isIsolationLevel(key)) {
            if (IsolationLevel.parse(value).isEmpty()) {
                throw ConfigurationException.of(alias, shown, "is '" + value + "', which is not a transaction isolation level",
                        "use one of " + IsolationLevel.choices() + ", or leave it out for the server's default");
            }
            return;
        }
        String own = OWN_SETTINGS.get(key.toLowerCase(Locale.ROOT));
        if (own != null) {
            throw ConfigurationException.of(alias, shown, "repeats a setting of its own",
                    "set " + own + " instead and remove it from OPTIONS");
        }
        if (key.equalsIgnoreCase("connectTimeout") || key.equalsIgnoreCase(SOCKET_TIMEOUT)) {
            requireMillis(alias, shown, value);
            return;
        }
        Optional<DriverPropertyInfo> property = Arrays.stream(known).filter(info -> info.name.equalsIgnoreCase(key)).findFirst();
        if (property.isEmpty()) {
            if (known.length > 0 && !ALIASES.contains(squash(key))) {
                // A warning, not an error: Connector/J accepts some older names that it does not list.
                LOG.log(Level.WARNING, "Database ''{0}'': {1} is not a property Connector/J lists, and it ignores unknown "
                        + "ones; check the spelling against {2}", alias, shown, DOCS);
            }
            return;
        }
        String[] choices = property.get().choices;
        if (choices != null && choices.length > 0
                && Arrays.stream(choices).noneMatch(choice -> choice.equalsIgnoreCase(value.strip()))) {
            throw ConfigurationException.of(alias, shown, "is '" + value + "'", "use one of " + String.join(", ", choices));
        }
    }

    private static DriverPropertyInfo[] propertyInfo(Driver driver) {
        try {
            return driver.getPropertyInfo(null, new Properties());
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Connector/J did not list its properties; OPTIONS names are not checked", e);
            return new DriverPropertyInfo[0];
        }
    }

    private static void requireMillis(String alias, String key, String value) {
        try {
            if (Integer.parseInt(value.strip()) >= 0) {
                return;
            }
        } catch (NumberFormatException e) {
            // Reported below with the fix.
        }
        throw ConfigurationException.of(alias, key, "is '" + value + "'",
                "use a whole number of milliseconds (Connector/J's unit), or 0 for no limit");
    }

    private static String squash(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
