package dev.tether.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One alias's settings, validated on construction. Read them from Django-style keys
 * ({@link #fromMap}), a database URL ({@link #fromUrl}) or the {@link #builder Java builder}.
 * {@link #toString()} never shows the password.
 *
 * @param alias          the name the application uses for this database ("default")
 * @param engine         the backend's engine name ("postgresql", "mysql", ...)
 * @param name           the database name
 * @param user           the user name, "" for the driver's default
 * @param password       the password, "" for none
 * @param host           the host, "" for localhost
 * @param port           the port, 0 for the backend's default
 * @param options        driver properties passed through to the backend
 * @param maxAge         CONN_MAX_AGE: {@link Duration#ZERO} closes at the end of each request,
 *                       {@link #UNLIMITED} never ages
 * @param healthChecks   CONN_HEALTH_CHECKS: ping a reused connection before its first use in a request
 * @param autocommit     AUTOCOMMIT: the autocommit mode every connection starts in and must be left in
 * @param timeZone       TIME_ZONE for the session, "" to keep the server's
 * @param persistence    who keeps the connection between requests
 * @param maxConnections MAX_CONNECTIONS: the cap on physical connections for this alias
 * @param acquireTimeout ACQUIRE_TIMEOUT: how long to wait for a connection at the cap
 * @param maxAgeJitter   MAX_AGE_JITTER: a fraction in [0, 0.5] by which max age is randomly shortened
 * @param idleTimeout    IDLE_TIMEOUT: an unused connection older than this is closed by the reaper
 * @param connectTimeout CONNECT_TIMEOUT: how long opening a connection may take
 * @param release        RELEASE: when an owner hands its connection back within a request: at the end of its
 *                       unit of work (the default, one session per request), or after each transaction
 * @param pooler         POOLER: the pool mode of a pooler (PgBouncer) between Tether and the server, if any
 * @param serverShare    SERVER_SHARE: the fraction of the server's connection limit above which MAX_CONNECTIONS draws
 *                       a warning at start-up (N instances of share 1/N fill the server)
 * @param leakDetectionThreshold LEAK_DETECTION_THRESHOLD: a connection in use longer than this is logged once with
 *                       the stack that took it; {@link Duration#ZERO} (the default) turns leak detection off
 */
public record DatabaseSettings(
        String alias, String engine, String name, String user, String password, String host, int port,
        Map<String, String> options, Duration maxAge, boolean healthChecks, boolean autocommit,
        String timeZone, Persistence persistence, int maxConnections, Duration acquireTimeout,
        double maxAgeJitter, Duration idleTimeout, Duration connectTimeout, Release release, Pooler pooler,
        double serverShare, Duration leakDetectionThreshold) {

    /** CONN_MAX_AGE for connections that never age (Django's {@code None}). */
    public static final Duration UNLIMITED = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

    public DatabaseSettings {
        alias = Objects.requireNonNullElse(alias, "").strip();
        if (alias.isEmpty()) {
            throw new ConfigurationException("A database has an empty alias; give every database a name such as 'default'");
        }
        engine = require(alias, Setting.ENGINE, engine,
                "set it to the database engine, e.g. 'postgresql' or 'mysql'");
        name = require(alias, Setting.NAME, name, "set it to the name of the database to connect to");
        user = Objects.requireNonNullElse(user, "");
        password = Objects.requireNonNullElse(password, "");
        host = Objects.requireNonNullElse(host, "").strip();
        timeZone = Objects.requireNonNullElse(timeZone, "").strip();
        options = Map.copyOf(Objects.requireNonNullElse(options, Map.of()));
        persistence = Objects.requireNonNullElse(persistence, Persistence.THREAD);
        release = Objects.requireNonNullElse(release, Release.UNIT);
        pooler = Objects.requireNonNullElse(pooler, Pooler.NONE);
        maxAge = Objects.requireNonNullElse(maxAge, Duration.ZERO);
        acquireTimeout = Objects.requireNonNullElse(acquireTimeout, Defaults.ACQUIRE_TIMEOUT);
        idleTimeout = Objects.requireNonNullElse(idleTimeout, Defaults.IDLE_TIMEOUT);
        connectTimeout = Objects.requireNonNullElse(connectTimeout, Defaults.CONNECT_TIMEOUT);
        leakDetectionThreshold = Objects.requireNonNullElse(leakDetectionThreshold, Duration.ZERO);
        if (port < 0 || port > 65_535) {
            throw ConfigurationException.of(alias, Setting.PORT.key(), "is " + port,
                    "use a port between 1 and 65535, or leave it out for the engine's default");
        }
        if (maxAge.isNegative()) {
            throw ConfigurationException.of(alias, Setting.CONN_MAX_AGE.key(), "is negative (" + maxAge.toSeconds() + " s)",
                    Setting.CONN_MAX_AGE.hint());
        }
        if (maxConnections < 1) {
            throw ConfigurationException.of(alias, Setting.MAX_CONNECTIONS.key(), "is " + maxConnections,
                    "allow at least 1 connection");
        }
        if (acquireTimeout.isNegative()) {
            throw ConfigurationException.of(alias, Setting.ACQUIRE_TIMEOUT.key(), "is negative", Setting.ACQUIRE_TIMEOUT.hint());
        }
        if (!(maxAgeJitter >= 0 && maxAgeJitter <= 0.5)) {
            throw ConfigurationException.of(alias, Setting.MAX_AGE_JITTER.key(), "is " + maxAgeJitter,
                    Setting.MAX_AGE_JITTER.hint());
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw ConfigurationException.of(alias, Setting.IDLE_TIMEOUT.key(), "must be positive", Setting.IDLE_TIMEOUT.hint());
        }
        if (!(serverShare > 0 && serverShare <= 1)) {
            throw ConfigurationException.of(alias, Setting.SERVER_SHARE.key(), "is " + serverShare, Setting.SERVER_SHARE.hint());
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw ConfigurationException.of(alias, Setting.CONNECT_TIMEOUT.key(), "must be positive",
                    Setting.CONNECT_TIMEOUT.hint());
        }
        if (leakDetectionThreshold.isNegative()) {
            throw ConfigurationException.of(alias, Setting.LEAK_DETECTION_THRESHOLD.key(), "is negative",
                    Setting.LEAK_DETECTION_THRESHOLD.hint());
        }
    }

    private static String require(String alias, Setting setting, String value, String fix) {
        if (value == null || value.isBlank()) {
            throw ConfigurationException.of(alias, setting.key(), "is missing", fix);
        }
        return value.strip();
    }

    /** Reads Django-style keys; see {@link Setting} for the keys and their spellings. */
    public static DatabaseSettings fromMap(String alias, Map<String, ?> values) {
        return SettingsReader.fromMap(alias, values);
    }

    /** Reads a URL such as {@code postgresql://user:secret@host:5432/app?conn_max_age=60&health_checks=true}. */
    public static DatabaseSettings fromUrl(String alias, String url) {
        return builder(alias).url(url).build();
    }

    public static Builder builder(String alias) {
        return new Builder(alias);
    }

    /** A builder holding these settings, to derive variants. */
    public Builder toBuilder() {
        return new Builder(alias).engine(engine).name(name).user(user).password(password).host(host).port(port)
                .options(options).maxAge(maxAge).healthChecks(healthChecks).autocommit(autocommit).timeZone(timeZone)
                .persistence(persistence).maxConnections(maxConnections).acquireTimeout(acquireTimeout)
                .maxAgeJitter(maxAgeJitter).idleTimeout(idleTimeout).connectTimeout(connectTimeout)
                .release(release).pooler(pooler).serverShare(serverShare)
                .leakDetectionThreshold(leakDetectionThreshold);
    }

    public boolean unlimitedMaxAge() {
        return maxAge.equals(UNLIMITED);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[alias=" + alias + ", engine=" + engine + ", name=" + name + ", user=" + user
                + ", password=" + (password.isEmpty() ? "" : "****") + ", host=" + host + ", port=" + port
                + ", options=" + maskedOptions() + ", maxAge=" + (unlimitedMaxAge() ? "unlimited" : maxAge)
                + ", healthChecks=" + healthChecks + ", autocommit=" + autocommit + ", timeZone=" + timeZone
                + ", persistence=" + persistence + ", maxConnections=" + maxConnections
                + ", acquireTimeout=" + acquireTimeout + ", maxAgeJitter=" + maxAgeJitter
                + ", idleTimeout=" + idleTimeout + ", connectTimeout=" + connectTimeout + ", release=" + release + ", pooler=" + pooler + ", serverShare=" + serverShare
                + ", leakDetectionThreshold=" + leakDetectionThreshold + "]";
    }

    /** Driver options with the values of secret-looking keys (sslpassword, ...) hidden. */
    private Map<String, String> maskedOptions() {
        Map<String, String> shown = new LinkedHashMap<>();
        options.forEach((key, value) -> shown.put(key,
                key.toLowerCase(java.util.Locale.ROOT).matches(".*(password|secret|token|key).*") ? "****" : value));
        return shown;
    }

    private static final class Defaults {
        static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(30);
        static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
        static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
        static final int MAX_CONNECTIONS = 10;
        static final double SERVER_SHARE = 0.5;
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private final String alias;
        private String engine;
        private String name;
        private String user;
        private String password;
        private String host;
        private int port;
        private final Map<String, String> options = new LinkedHashMap<>();
        private Duration maxAge = Duration.ZERO;
        private boolean healthChecks;
        private boolean autocommit = true;
        private String timeZone;
        private Persistence persistence = Persistence.THREAD;
        private int maxConnections = Defaults.MAX_CONNECTIONS;
        private Duration acquireTimeout = Defaults.ACQUIRE_TIMEOUT;
        private double maxAgeJitter;
        private Duration idleTimeout = Defaults.IDLE_TIMEOUT;
        private Duration connectTimeout = Defaults.CONNECT_TIMEOUT;
        private Release release = Release.UNIT;
        private Pooler pooler = Pooler.NONE;
        private double serverShare = Defaults.SERVER_SHARE;
        private Duration leakDetectionThreshold = Duration.ZERO;

        private Builder(String alias) {
            this.alias = alias;
        }

        public String alias() {
            return alias;
        }

        /** Sets one setting by its key in any spelling Tether accepts ({@code CONN_MAX_AGE}, {@code conn-max-age}, ...). */
        public Builder set(String key, Object value) {
            Setting.find(alias, key).apply(this, key, value);
            return this;
        }

        /**
         * Applies settings from Django-style keys, a {@code URL} key first; what the map does not set keeps the
         * value it had, so a caller (an adapter) can set its own defaults before.
         */
        public Builder apply(Map<String, ?> values) {
            SettingsReader.applyMap(this, values);
            return this;
        }

        /** Applies a database URL; settings set later override what it gave. */
        public Builder url(String url) {
            SettingsReader.applyUrl(this, url);
            return this;
        }

        public Builder engine(String engine) {
            this.engine = engine;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder option(String key, String value) {
            if (key == null || key.isBlank()) {
                throw ConfigurationException.of(alias, Setting.OPTIONS.key(), "has an option with no name",
                        "give every driver option a name, such as option(\"sslmode\", \"require\")");
            }
            options.put(key, Objects.requireNonNullElse(value, ""));
            return this;
        }

        public Builder options(Map<String, String> values) {
            values.forEach(this::option);
            return this;
        }

        /** {@link Duration#ZERO}: close at the end of each request; {@link #UNLIMITED}: never age. */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        public Builder healthChecks(boolean healthChecks) {
            this.healthChecks = healthChecks;
            return this;
        }

        public Builder autocommit(boolean autocommit) {
            this.autocommit = autocommit;
            return this;
        }

        public Builder timeZone(String timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        public Builder persistence(Persistence persistence) {
            this.persistence = persistence;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder acquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
            return this;
        }

        public Builder maxAgeJitter(double maxAgeJitter) {
            this.maxAgeJitter = maxAgeJitter;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** {@link Release#TRANSACTION} hands the connection back after each transaction; see {@link Release}. */
        public Builder release(Release release) {
            this.release = release;
            return this;
        }

        /** Tells Tether a pooler sits in front of the server, and in which pool mode; see {@link Pooler}. */
        public Builder pooler(Pooler pooler) {
            this.pooler = pooler;
            return this;
        }

        /** The share of the server's connection limit above which MAX_CONNECTIONS draws a warning at start-up. */
        public Builder serverShare(double serverShare) {
            this.serverShare = serverShare;
            return this;
        }

        /** A connection in use longer than this is reported as a possible leak; {@link Duration#ZERO} turns it off. */
        public Builder leakDetectionThreshold(Duration threshold) {
            this.leakDetectionThreshold = threshold;
            return this;
        }

        public DatabaseSettings build() {
            return new DatabaseSettings(alias, engine, name, user, password, host, port, options, maxAge, healthChecks,
                    autocommit, timeZone, persistence, maxConnections, acquireTimeout, maxAgeJitter, idleTimeout,
                    connectTimeout, release, pooler, serverShare, leakDetectionThreshold);
        }
    }
}
