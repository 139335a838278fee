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
 * @param credentialLifetime CREDENTIAL_LIFETIME: how long the credentials a connection was opened with stay valid
 *                       (a token's lifetime); connections retire before it, with jitter; {@link Duration#ZERO} for never
 * @param leakDetectionThreshold LEAK_DETECTION_THRESHOLD: a connection in use longer than this is logged once with
 *                       the stack that took it; {@link Duration#ZERO} (the default) turns leak detection off
 */
public record DatabaseSettings(
        String alias, String engine, String name, String user, String password, String host, int port,
        Map<String, String> options, Duration maxAge, boolean healthChecks, boolean autocommit,
        String timeZone, Persistence persistence, int maxConnections, Duration acquireTimeout,
        double maxAgeJitter, Duration idleTimeout, Duration connectTimeout, Release release, Pooler pooler,
        double serverShare, Duration credentialLifetime, Duration leakDetectionThreshold) {

    /** CONN_MAX_AGE for connections that never age (Django's {@code None}). */
    public static final Duration UNLIMITED = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

    /** Validates and normalises the settings; prefer {@link #builder} or {@link #fromMap}. */
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
        credentialLifetime = Objects.requireNonNullElse(credentialLifetime, Duration.ZERO);
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
        if (credentialLifetime.isNegative()) {
            throw ConfigurationException.of(alias, Setting.CREDENTIAL_LIFETIME.key(), "is negative",
                    Setting.CREDENTIAL_LIFETIME.hint());
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

    /**
     * Reads Django-style keys; see {@link Setting} for the keys and their spellings.
     *
     * @param alias  the alias the settings are for
     * @param values settings by key
     * @return the validated settings
     */
    public static DatabaseSettings fromMap(String alias, Map<String, ?> values) {
        return SettingsReader.fromMap(alias, values);
    }

    /**
     * Reads a URL such as {@code postgresql://user:secret@host:5432/app?conn_max_age=60&health_checks=true}.
     *
     * @param alias the alias the settings are for
     * @param url   the database URL
     * @return the validated settings
     */
    public static DatabaseSettings fromUrl(String alias, String url) {
        return builder(alias).url(url).build();
    }

    /**
     * A builder with every setting at its default.
     *
     * @param alias the alias the settings are for
     * @return a new builder
     */
    public static Builder builder(String alias) {
        return new Builder(alias);
    }

    /**
     * A builder holding these settings, to derive variants.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(alias).engine(engine).name(name).user(user).password(password).host(host).port(port)
                .options(options).maxAge(maxAge).healthChecks(healthChecks).autocommit(autocommit).timeZone(timeZone)
                .persistence(persistence).maxConnections(maxConnections).acquireTimeout(acquireTimeout)
                .maxAgeJitter(maxAgeJitter).idleTimeout(idleTimeout).connectTimeout(connectTimeout)
                .release(release).pooler(pooler).serverShare(serverShare).credentialLifetime(credentialLifetime)
                .leakDetectionThreshold(leakDetectionThreshold);
    }

    /**
     * These settings with the user and password of {@code credentials}: what a backend connects with.
     *
     * @param credentials the user and password for one new connection
     * @return a copy of these settings with that user and password
     */
    public DatabaseSettings withCredentials(Credentials credentials) {
        return toBuilder().user(credentials.user()).password(credentials.password()).build();
    }

    /**
     * Whether connections never age (CONN_MAX_AGE unlimited).
     *
     * @return whether max age is {@link #UNLIMITED}
     */
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
                + ", credentialLifetime=" + credentialLifetime + ", leakDetectionThreshold=" + leakDetectionThreshold + "]";
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
        private Duration credentialLifetime = Duration.ZERO;
        private Duration leakDetectionThreshold = Duration.ZERO;

        private Builder(String alias) {
            this.alias = alias;
        }

        /**
         * The alias these settings are for.
         *
         * @return the alias
         */
        public String alias() {
            return alias;
        }

        /**
         * Sets one setting by its key in any spelling Tether accepts ({@code CONN_MAX_AGE}, {@code conn-max-age}, ...).
         *
         * @param key   the setting's key
         * @param value its value, as a string or the setting's type
         * @return this builder
         * @throws ConfigurationException naming the alias and the key when either is wrong
         */
        public Builder set(String key, Object value) {
            Setting.find(alias, key).apply(this, key, value);
            return this;
        }

        /**
         * Applies settings from Django-style keys, a {@code URL} key first; what the map does not set keeps the
         * value it had, so a caller (an adapter) can set its own defaults before.
         *
         * @param values settings by key
         * @return this builder
         */
        public Builder apply(Map<String, ?> values) {
            SettingsReader.applyMap(this, values);
            return this;
        }

        /**
         * Applies a database URL; settings set later override what it gave.
         *
         * @param url such as {@code postgresql://user:secret@host:5432/app?conn_max_age=60}
         * @return this builder
         */
        public Builder url(String url) {
            SettingsReader.applyUrl(this, url);
            return this;
        }

        /**
         * Sets ENGINE, the backend's name ({@code postgresql}, {@code mysql}, {@code h2}, ...).
         *
         * @param engine the engine name
         * @return this builder
         */
        public Builder engine(String engine) {
            this.engine = engine;
            return this;
        }

        /**
         * Sets NAME, the database to connect to.
         *
         * @param name the database name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets USER.
         *
         * @param user the user name
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * Sets PASSWORD; it never appears in {@code toString}, logs or errors.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Sets HOST; empty means the backend's local default.
         *
         * @param host the host name or address
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Sets PORT; 0 means the backend's default port.
         *
         * @param port the TCP port, or 0
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Adds one OPTIONS entry, a driver property the backend passes on or interprets.
         *
         * @param key   the option's name
         * @param value its value; {@code null} is taken as empty
         * @return this builder
         */
        public Builder option(String key, String value) {
            if (key == null || key.isBlank()) {
                throw ConfigurationException.of(alias, Setting.OPTIONS.key(), "has an option with no name",
                        "give every driver option a name, such as option(\"sslmode\", \"require\")");
            }
            options.put(key, Objects.requireNonNullElse(value, ""));
            return this;
        }

        /**
         * Adds OPTIONS entries; see {@link #option}.
         *
         * @param values options by name
         * @return this builder
         */
        public Builder options(Map<String, String> values) {
            values.forEach(this::option);
            return this;
        }

        /**
         * Sets CONN_MAX_AGE.
         *
         * @param maxAge {@link Duration#ZERO}: close at the end of each request; {@link #UNLIMITED}: never age
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        /**
         * Sets CONN_HEALTH_CHECKS: ping a reused connection before its first use in a request.
         *
         * @param healthChecks whether to check
         * @return this builder
         */
        public Builder healthChecks(boolean healthChecks) {
            this.healthChecks = healthChecks;
            return this;
        }

        /**
         * Sets AUTOCOMMIT, the mode connections start in and must be left in.
         *
         * @param autocommit the autocommit mode
         * @return this builder
         */
        public Builder autocommit(boolean autocommit) {
            this.autocommit = autocommit;
            return this;
        }

        /**
         * Sets TIME_ZONE, the session time zone; empty keeps the server's.
         *
         * @param timeZone a zone name such as {@code UTC}
         * @return this builder
         */
        public Builder timeZone(String timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        /**
         * Sets PERSISTENCE: connections kept per thread or per context.
         *
         * @param persistence the persistence mode
         * @return this builder
         */
        public Builder persistence(Persistence persistence) {
            this.persistence = persistence;
            return this;
        }

        /**
         * Sets MAX_CONNECTIONS, the cap on physical connections for the alias.
         *
         * @param maxConnections the cap
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Sets ACQUIRE_TIMEOUT, how long to wait for a connection at the cap.
         *
         * @param acquireTimeout the longest wait
         * @return this builder
         */
        public Builder acquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
            return this;
        }

        /**
         * Sets MAX_AGE_JITTER: each connection's max age is shortened by a random fraction up to this.
         *
         * @param maxAgeJitter a fraction from 0 to 0.5
         * @return this builder
         */
        public Builder maxAgeJitter(double maxAgeJitter) {
            this.maxAgeJitter = maxAgeJitter;
            return this;
        }

        /**
         * Sets IDLE_TIMEOUT: the reaper closes connections unused this long.
         *
         * @param idleTimeout the idle time
         * @return this builder
         */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * Sets CONNECT_TIMEOUT, the bound on opening a connection.
         *
         * @param connectTimeout the bound
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Sets RELEASE.
         *
         * @param release {@link Release#TRANSACTION} hands the connection back after each transaction; see {@link Release}
         * @return this builder
         */
        public Builder release(Release release) {
            this.release = release;
            return this;
        }

        /**
         * Sets POOLER: tells Tether a pooler sits in front of the server, and in which pool mode; see {@link Pooler}.
         *
         * @param pooler the pooler's mode, or none
         * @return this builder
         */
        public Builder pooler(Pooler pooler) {
            this.pooler = pooler;
            return this;
        }

        /**
         * Sets SERVER_SHARE: the share of the server's connection limit above which MAX_CONNECTIONS draws a warning
         * at start-up.
         *
         * @param serverShare a fraction of the server's limit
         * @return this builder
         */
        public Builder serverShare(double serverShare) {
            this.serverShare = serverShare;
            return this;
        }

        /**
         * How long credentials from a supplier stay valid (a token's lifetime); connections retire before it.
         *
         * @param credentialLifetime the lifetime, {@link Duration#ZERO} for credentials that do not expire
         * @return this builder
         */
        public Builder credentialLifetime(Duration credentialLifetime) {
            this.credentialLifetime = credentialLifetime;
            return this;
        }

        /**
         * A connection in use longer than this is reported as a possible leak.
         *
         * @param threshold the threshold, {@link Duration#ZERO} to turn leak detection off
         * @return this builder
         */
        public Builder leakDetectionThreshold(Duration threshold) {
            this.leakDetectionThreshold = threshold;
            return this;
        }

        /**
         * Validates and builds the settings.
         *
         * @return the settings
         * @throws ConfigurationException naming the alias and the setting when a value is wrong
         */
        public DatabaseSettings build() {
            return new DatabaseSettings(alias, engine, name, user, password, host, port, options, maxAge, healthChecks,
                    autocommit, timeZone, persistence, maxConnections, acquireTimeout, maxAgeJitter, idleTimeout,
                    connectTimeout, release, pooler, serverShare, credentialLifetime, leakDetectionThreshold);
        }
    }
}
