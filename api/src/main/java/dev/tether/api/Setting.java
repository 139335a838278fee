package dev.tether.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The settings keys. Each is accepted in Django's spelling ({@code CONN_MAX_AGE}) and in any
 * case- and separator-insensitive variant ({@code conn-max-age}, {@code connMaxAge}).
 */
public enum Setting {
    /** The backend's engine name. */
    ENGINE("the backend's engine name, e.g. 'postgresql' or 'mysql'", (b, s, v) -> b.engine(Values.text(b, s, v))),
    /** The database name. */
    NAME("the database name", (b, s, v) -> b.name(Values.text(b, s, v))),
    /** The user name. */
    USER("the user name", (b, s, v) -> b.user(Values.text(b, s, v))),
    /** The password; never shown. */
    PASSWORD("the password", (b, s, v) -> b.password(Values.text(b, s, v))),
    /** The host name or address. */
    HOST("a host name or address", (b, s, v) -> b.host(Values.text(b, s, v))),
    /** The TCP port. */
    PORT("a port between 1 and 65535", (b, s, v) -> b.port(Values.port(b, v))),
    /** Driver properties, passed to the backend. */
    OPTIONS("a map of driver properties, or 'key=value&key=value'", (b, s, v) -> b.options(Values.options(b, v))),
    /** How long a connection lives: 0, seconds, or unlimited (also {@code MAX_AGE}). */
    CONN_MAX_AGE("use 0 (close at the end of each request), a number of seconds such as 60, or 'unlimited'",
            (b, s, v) -> b.maxAge(Values.duration(b, s, v, true)), "MAX_AGE"),
    /** Ping a reused connection before its first use in a request (also {@code HEALTH_CHECKS}). */
    CONN_HEALTH_CHECKS("use true or false", (b, s, v) -> b.healthChecks(Values.bool(b, s, v)),
            "HEALTH_CHECKS"),
    /** The autocommit mode connections start in and must be left in. */
    AUTOCOMMIT("use true or false", (b, s, v) -> b.autocommit(Values.bool(b, s, v))),
    /** The session time zone. */
    TIME_ZONE("a time zone name such as 'UTC' or 'Europe/Paris'", (b, s, v) -> b.timeZone(Values.text(b, s, v))),
    /** Connections kept per thread or per context. */
    PERSISTENCE("use 'thread' or 'context'", (b, s, v) -> b.persistence(Values.persistence(b, v))),
    /** The cap on physical connections (also {@code CAP}). */
    MAX_CONNECTIONS("use a whole number of at least 1", (b, s, v) -> b.maxConnections(Values.integer(b, s, v)),
            "CAP"),
    /** How long to wait for a connection at the cap. */
    ACQUIRE_TIMEOUT("use a number of seconds, or a duration such as '500ms' or '30s'",
            (b, s, v) -> b.acquireTimeout(Values.duration(b, s, v, false))),
    /** A random shortening of max age, up to this fraction. */
    MAX_AGE_JITTER("use a fraction between 0 (off) and 0.5",
            (b, s, v) -> b.maxAgeJitter(Values.fraction(b, s, v))),
    /** Unused this long, a connection is closed by the reaper. */
    IDLE_TIMEOUT("use a positive number of seconds, or a duration such as '10m'",
            (b, s, v) -> b.idleTimeout(Values.duration(b, s, v, false))),
    /** The bound on opening a connection. */
    CONNECT_TIMEOUT("use a positive number of seconds, or a duration such as '5s'",
            (b, s, v) -> b.connectTimeout(Values.duration(b, s, v, false))),
    /** When an owner hands its connection back within a request. */
    RELEASE("use 'unit' (keep one connection per unit of work, the default) or 'transaction' (hand it back after each "
            + "transaction)", (b, s, v) -> b.release(Values.release(b, v))),
    /** A database URL giving several settings at once. */
    URL("a database URL such as postgresql://user:password@host:5432/name?conn_max_age=60",
            (b, s, v) -> b.url(Values.text(b, s, v))),
    /** The pool mode of a pooler in front of the server, if any. */
    POOLER("use 'none' (the default), 'session' or 'transaction' for the pool mode of a pooler such as PgBouncer in "
            + "front of the server", (b, s, v) -> b.pooler(Values.pooler(b, v))),
    /** The share of the server's connection limit one instance may take before a warning. */
    SERVER_SHARE("use a fraction above 0 and at most 1 of the server's connection limit one instance may take "
            + "(default 0.5)", (b, s, v) -> b.serverShare(Values.fraction(b, s, v))),
    /** How long credentials from a supplier stay valid; connections retire before it. */
    CREDENTIAL_LIFETIME("use how long a password or token from the credentials supplier stays valid, such as '15m', or 0 "
            + "for credentials that do not expire", (b, s, v) -> b.credentialLifetime(Values.duration(b, s, v, false))),
    /** How long a connection may stay in use before it is reported as a possible leak. */
    LEAK_DETECTION_THRESHOLD("use 0 (off, the default), or a duration such as '30s' after which a connection still in "
            + "use is reported with the stack that took it", (b, s, v) -> b.leakDetectionThreshold(Values.duration(b, s, v, false)));

    private final String hint;
    private final Applier applier;
    private final List<String> spellings;

    Setting(String hint, Applier applier, String... otherSpellings) {
        this.hint = hint;
        this.applier = applier;
        this.spellings = Stream.concat(Stream.of(name()), Arrays.stream(otherSpellings))
                .map(Setting::normalize).toList();
    }

    /**
     * The canonical (Django) spelling.
     *
     * @return the key, such as {@code CONN_MAX_AGE}
     */
    public String key() {
        return name();
    }

    /**
     * What a valid value looks like.
     *
     * @return a hint for error messages
     */
    public String hint() {
        return hint;
    }

    void apply(DatabaseSettings.Builder builder, String givenKey, Object value) {
        applier.apply(builder, this, new Values.Given(givenKey, value));
    }

    /** The setting a key names, in any accepted spelling, or {@code null}. */
    static Setting lookup(String key) {
        String normalized = normalize(key);
        for (Setting setting : values()) {
            if (setting.spellings.contains(normalized)) {
                return setting;
            }
        }
        return null;
    }

    /** The setting a key names; an unknown key fails naming the alias, the key and the nearest known one. */
    static Setting find(String alias, String key) {
        Setting setting = lookup(key);
        if (setting != null) {
            return setting;
        }
        throw unknown(alias, key);
    }

    /** The error for a key that names no setting, with the nearest known one as a suggestion. */
    static ConfigurationException unknown(String alias, String key) {
        Setting nearest = nearest(key);
        String known = Arrays.stream(values()).map(Setting::key).collect(Collectors.joining(", "));
        return new ConfigurationException("Database '" + alias + "': unknown setting '" + key + "'; "
                + (nearest != null ? "did you mean " + nearest.key() + "? " : "")
                + "known settings are " + known);
    }

    /** The setting whose spelling is within a small edit distance of {@code key}, or {@code null}. */
    static Setting nearest(String key) {
        String normalized = normalize(key);
        Setting best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Setting setting : values()) {
            for (String spelling : setting.spellings) {
                int distance = distance(normalized, spelling);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = setting;
                }
            }
        }
        return bestDistance <= Math.max(1, normalized.length() / 4) ? best : null;
    }

    static String normalize(String key) {
        return key == null ? "" : key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    @FunctionalInterface
    private interface Applier {
        void apply(DatabaseSettings.Builder builder, Setting setting, Values.Given value);
    }
}
