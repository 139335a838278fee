package dev.tether.engine;

import dev.tether.api.ConfigurationException;
import dev.tether.api.ContextStorage;
import dev.tether.api.CredentialsSupplier;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.DatabaseWrapper;
import dev.tether.api.PoolObserver;
import dev.tether.api.PoolStats;
import dev.tether.api.Signals;
import dev.tether.api.TetherException;
import dev.tether.api.TetherListener;
import dev.tether.api.Ticker;
import dev.tether.api.UnitOfWork;
import dev.tether.engine.internal.Engine;
import dev.tether.spi.Backend;
import dev.tether.spi.Backends;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * Persistent database connections for the current thread or context, kept across requests under a
 * per-alias cap. Send the request signals ({@link #requestStarted()}, {@link #requestFinished()}, or a
 * {@link #begin() unit of work}) and take connections with {@link #connection(String)}.
 *
 * <pre>{@code
 * try (Tether tether = Tether.builder().database(DatabaseSettings.fromUrl("default", url)).build();
 *      UnitOfWork work = tether.begin();
 *      Connection c = tether.connection("default")) {
 *     ...
 * }
 * }</pre>
 */
public final class Tether implements Signals, AutoCloseable {
    private final Engine engine;

    private Tether(Engine engine) {
        this.engine = engine;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void requestStarted() {
        engine.requestStarted();
    }

    @Override
    public void requestFinished() {
        engine.requestFinished();
    }

    @Override
    public UnitOfWork begin() {
        return engine.begin();
    }

    @Override
    public AutoCloseable subscribe(TetherListener listener) {
        return engine.subscribe(listener);
    }

    /**
     * Adds an observer of every alias's timings and outcomes (wait, use and connect times, timeouts, closes,
     * rollbacks, health checks), for metrics; closing the returned handle removes it. See {@link PoolObserver}.
     */
    public AutoCloseable observe(PoolObserver observer) {
        return engine.observe(Objects.requireNonNull(observer, "observer"));
    }

    /** The current thread's or context's wrapper for {@code alias}, created on first use. */
    public DatabaseWrapper wrapper(String alias) {
        return engine.wrapper(alias);
    }

    /** A handle on the current thread's or context's connection for {@code alias}; close it when done. */
    public Connection connection(String alias) throws SQLException {
        return engine.wrapper(alias).connection();
    }

    /** A {@link DataSource} over {@link #connection(String)}, for JDBC libraries. */
    public DataSource dataSource(String alias) {
        return engine.dataSource(alias);
    }

    public Set<String> aliases() {
        return engine.aliases();
    }

    public DatabaseSettings settings(String alias) {
        return engine.settings(alias);
    }

    public PoolStats stats(String alias) {
        return engine.stats(alias);
    }

    /** Runs {@code task} as a context of its own (a {@link ScopedValue} scope), ended when it returns. */
    public <T> T inContext(Callable<T> task) throws Exception {
        return engine.inContext(task);
    }

    /** {@code task}, made to run as a context of its own wherever it runs. */
    public Runnable contextual(Runnable task) {
        Objects.requireNonNull(task, "task");
        return () -> {
            try {
                engine.inContext(() -> {
                    task.run();
                    return null;
                });
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new TetherException("unreachable: a Runnable threw a checked exception", e);
            }
        };
    }

    /** {@code task}, made to run as a context of its own wherever it runs. */
    public <T> Callable<T> contextual(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return () -> engine.inContext(task);
    }

    /**
     * A thread factory whose threads each run as one context: with
     * {@code Executors.newThreadPerTaskExecutor(tether.contextThreadFactory(Thread.ofVirtual().factory()))}
     * every virtual thread's task is a context, and its connections go back to the reservoir when it ends.
     */
    public ThreadFactory contextThreadFactory(ThreadFactory threads) {
        Objects.requireNonNull(threads, "threads");
        return task -> threads.newThread(contextual(task));
    }

    /**
     * Opens (or takes) one connection per alias and checks it is usable, each in a context of its own that ends
     * at once, so the connection is kept for the first request. Used at start-up to fail fast on a database that
     * is down or refuses the settings; the caller must be allowed to block.
     *
     * @throws TetherException naming the alias, what went wrong and what to do
     */
    public void check() {
        for (String alias : aliases()) {
            try {
                engine.inContext(() -> {
                    try (Connection connection = connection(alias)) {
                        int seconds = (int) Math.clamp(settings(alias).connectTimeout().toSeconds(), 1, Integer.MAX_VALUE);
                        if (!connection.isValid(seconds)) {
                            throw new SQLException("[" + alias + "] the new connection did not answer a liveness check");
                        }
                    }
                    return null;
                });
            } catch (Exception e) {
                throw new TetherException("Database '" + alias + "' failed its start-up check: " + e.getMessage()
                        + " Start the database or correct its settings; or turn the start-up check off to start without it", e);
            }
        }
    }

    /** Runs the reaper's pass now: closes expired and idle connections, takes back those of dead threads. */
    public void reap() {
        engine.reap();
    }

    /** Closes every connection, waiting at most the shutdown timeout for ones in use. Idempotent. */
    @Override
    public void close() {
        engine.close();
    }

    /** Configures a {@link Tether}; {@link #build()} validates everything and fails naming the alias and key. */
    public static final class Builder {
        private final Map<String, DatabaseSettings> databases = new LinkedHashMap<>();
        private final List<Backend> backends = new ArrayList<>();
        private final List<TetherListener> listeners = new ArrayList<>();
        private final Map<String, CredentialsSupplier> credentials = new LinkedHashMap<>();
        private ContextStorage storage;
        private Ticker ticker = Ticker.SYSTEM;
        private RandomGenerator random = RandomGenerator.getDefault();
        private Duration reaperPeriod = Duration.ofSeconds(30);
        private Duration shutdownTimeout = Duration.ofSeconds(5);
        private boolean checkOnStart;

        private Builder() {
        }

        public Builder database(DatabaseSettings settings) {
            if (databases.putIfAbsent(settings.alias(), settings) != null) {
                throw new ConfigurationException("Database '" + settings.alias() + "' is configured twice; give each database its own alias");
            }
            return this;
        }

        /** A database from Django-style keys. */
        public Builder database(String alias, Map<String, ?> values) {
            return database(DatabaseSettings.fromMap(alias, values));
        }

        /** A database from a URL such as {@code postgresql://user:secret@host:5432/app?conn_max_age=60}. */
        public Builder databaseUrl(String alias, String url) {
            return database(DatabaseSettings.fromUrl(alias, url));
        }

        /** A backend to use besides those {@link java.util.ServiceLoader} finds; it wins for its engine names. */
        public Builder backend(Backend backend) {
            backends.add(Objects.requireNonNull(backend, "backend"));
            return this;
        }

        /** Where "the current context" is kept; the default is one context per thread. */
        public Builder contextStorage(ContextStorage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** The source of the max-age jitter. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** How often the reaper runs; {@link Duration#ZERO} runs none (call {@link Tether#reap()} yourself). */
        public Builder reaperPeriod(Duration period) {
            if (period.isNegative()) {
                throw new ConfigurationException("The reaper period is negative; use a positive duration, or zero for no reaper");
            }
            this.reaperPeriod = period;
            return this;
        }

        /** How long {@link Tether#close()} waits for connections in use before closing them anyway. */
        public Builder shutdownTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new ConfigurationException("The shutdown timeout is negative; use zero or a positive duration");
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /** Whether {@link #build()} opens and {@link Tether#check() checks} one connection per alias; off by default. */
        public Builder checkOnStart(boolean check) {
            this.checkOnStart = check;
            return this;
        }

        public Builder listener(TetherListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Where alias {@code alias} gets the user and password (or token) for each new physical connection, instead
         * of USER and PASSWORD: rotated passwords, IAM tokens. Set CREDENTIAL_LIFETIME to retire connections before
         * the credentials they were opened with expire.
         *
         * @param alias    a configured alias
         * @param supplier asked once per new physical connection
         * @return this builder
         */
        public Builder credentials(String alias, CredentialsSupplier supplier) {
            credentials.put(Objects.requireNonNull(alias, "alias"), Objects.requireNonNull(supplier, "supplier"));
            return this;
        }

        public Tether build() {
            for (String alias : credentials.keySet()) {
                if (!databases.containsKey(alias)) {
                    throw new ConfigurationException("Credentials are supplied for database '" + alias + "', which is "
                            + "not configured; configure it with database(...) or correct the alias (configured: "
                            + String.join(", ", databases.keySet()) + ")");
                }
            }
            List<Backend> candidates = new ArrayList<>(backends);
            if (!databases.isEmpty()) {
                candidates.addAll(Backends.available());
            }
            Tether tether = new Tether(new Engine(List.copyOf(databases.values()),
                    settings -> Backends.find(settings.alias(), settings.engine(), candidates), storage, ticker, random,
                    reaperPeriod, shutdownTimeout, listeners, Map.copyOf(credentials)));
            if (checkOnStart) {
                try {
                    tether.check();
                } catch (RuntimeException e) {
                    tether.close();
                    throw e;
                }
            }
            return tether;
        }
    }
}
