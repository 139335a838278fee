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

    /**
     * Starts configuring a Tether.
     *
     * @return a new builder with no databases, one context per thread and a 30-second reaper
     */
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
     * rollbacks, health checks), for metrics. See {@link PoolObserver}.
     *
     * @param observer called on the threads that acquire, release and close connections; must not block
     * @return a handle whose {@code close()} removes the observer
     */
    public AutoCloseable observe(PoolObserver observer) {
        return engine.observe(Objects.requireNonNull(observer, "observer"));
    }

    /**
     * The current thread's or context's wrapper for an alias, created on first use.
     *
     * @param alias a configured database alias
     * @return the wrapper that owns this context's connection for the alias
     * @throws TetherException if no database is configured with that alias
     */
    public DatabaseWrapper wrapper(String alias) {
        return engine.wrapper(alias);
    }

    /**
     * A handle on the current thread's or context's connection for an alias, opening or taking one if needed.
     * Closing the handle does not close the physical connection; it stays with the context until it ends.
     *
     * @param alias a configured database alias
     * @return a connection handle; close it when done
     * @throws SQLException if no connection could be opened or acquired in time
     * @throws TetherException if no database is configured with that alias
     */
    public Connection connection(String alias) throws SQLException {
        return engine.wrapper(alias).connection();
    }

    /**
     * A {@link DataSource} over {@link #connection(String)}, for JDBC libraries.
     *
     * @param alias a configured database alias
     * @return a data source whose {@code getConnection()} gives the current context's connection
     * @throws TetherException if no database is configured with that alias
     */
    public DataSource dataSource(String alias) {
        return engine.dataSource(alias);
    }

    /**
     * The configured database aliases.
     *
     * @return the aliases in the order they were configured
     */
    public Set<String> aliases() {
        return engine.aliases();
    }

    /**
     * The validated settings of a database.
     *
     * @param alias a configured database alias
     * @return the settings the alias's pool runs with
     * @throws TetherException if no database is configured with that alias
     */
    public DatabaseSettings settings(String alias) {
        return engine.settings(alias);
    }

    /**
     * A snapshot of a database's pool: its cap, the connections open, in use and parked, and the callers waiting.
     *
     * @param alias a configured database alias
     * @return the pool's counts at the time of the call
     * @throws TetherException if no database is configured with that alias
     */
    public PoolStats stats(String alias) {
        return engine.stats(alias);
    }

    /**
     * Runs a task as a context of its own (a {@link ScopedValue} scope), ended when it returns; the connections
     * it took go back to the reservoir then.
     *
     * @param <T>  the task's result type
     * @param task the work to run on the calling thread
     * @return what the task returned
     * @throws Exception whatever the task threw
     */
    public <T> T inContext(Callable<T> task) throws Exception {
        return engine.inContext(task);
    }

    /**
     * Wraps a task so that it runs as a context of its own on whatever thread runs it.
     *
     * @param task the work to wrap
     * @return a runnable that runs {@code task} in a fresh context
     */
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

    /**
     * Wraps a task so that it runs as a context of its own on whatever thread calls it.
     *
     * @param <T>  the task's result type
     * @param task the work to wrap
     * @return a callable that runs {@code task} in a fresh context and returns its result
     */
    public <T> Callable<T> contextual(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return () -> engine.inContext(task);
    }

    /**
     * A thread factory whose threads each run as one context: with
     * {@code Executors.newThreadPerTaskExecutor(tether.contextThreadFactory(Thread.ofVirtual().factory()))}
     * every virtual thread's task is a context, and its connections go back to the reservoir when it ends.
     *
     * @param threads the factory that makes the actual threads
     * @return a factory whose threads run their task in a context of its own
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

        /**
         * Adds a database.
         *
         * @param settings the database's settings, under an alias not used yet
         * @return this builder
         * @throws ConfigurationException if the alias is already configured
         */
        public Builder database(DatabaseSettings settings) {
            if (databases.putIfAbsent(settings.alias(), settings) != null) {
                throw new ConfigurationException("Database '" + settings.alias() + "' is configured twice; give each database its own alias");
            }
            return this;
        }

        /**
         * Adds a database from Django-style keys such as {@code ENGINE}, {@code NAME} and {@code CONN_MAX_AGE}.
         *
         * @param alias  the alias to use it under
         * @param values the settings by key
         * @return this builder
         * @throws ConfigurationException if a value is invalid or the alias is already configured
         */
        public Builder database(String alias, Map<String, ?> values) {
            return database(DatabaseSettings.fromMap(alias, values));
        }

        /**
         * Adds a database from a URL such as {@code postgresql://user:secret@host:5432/app?conn_max_age=60}.
         *
         * @param alias the alias to use it under
         * @param url   the database URL; query parameters give further settings
         * @return this builder
         * @throws ConfigurationException if the URL is invalid or the alias is already configured
         */
        public Builder databaseUrl(String alias, String url) {
            return database(DatabaseSettings.fromUrl(alias, url));
        }

        /**
         * Adds a backend to use besides those {@link java.util.ServiceLoader} finds; it wins for its engine names.
         *
         * @param backend the backend
         * @return this builder
         */
        public Builder backend(Backend backend) {
            backends.add(Objects.requireNonNull(backend, "backend"));
            return this;
        }

        /**
         * Sets where "the current context" is kept; the default is one context per thread.
         *
         * @param storage the context storage, such as one bound to an event loop's request context
         * @return this builder
         */
        public Builder contextStorage(ContextStorage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * Sets the clock for max age and idle time; the default is the system's monotonic clock.
         *
         * @param ticker the clock; tests inject one to control time
         * @return this builder
         */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * Sets the source of the max-age jitter, so that connections opened together do not all retire together.
         *
         * @param random the random generator; tests inject a fixed one
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Sets how often the reaper runs; the default is 30 seconds.
         *
         * @param period the time between passes; {@link Duration#ZERO} runs none (call {@link Tether#reap()} yourself)
         * @return this builder
         * @throws ConfigurationException if the period is negative
         */
        public Builder reaperPeriod(Duration period) {
            if (period.isNegative()) {
                throw new ConfigurationException("The reaper period is negative; use a positive duration, or zero for no reaper");
            }
            this.reaperPeriod = period;
            return this;
        }

        /**
         * Sets how long {@link Tether#close()} waits for connections in use before closing them anyway; the
         * default is 5 seconds.
         *
         * @param timeout zero or a positive duration
         * @return this builder
         * @throws ConfigurationException if the timeout is negative
         */
        public Builder shutdownTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new ConfigurationException("The shutdown timeout is negative; use zero or a positive duration");
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /**
         * Sets whether {@link #build()} opens and {@link Tether#check() checks} one connection per alias; off by
         * default.
         *
         * @param check {@code true} to fail at start-up on a database that is down or refuses the settings
         * @return this builder
         */
        public Builder checkOnStart(boolean check) {
            this.checkOnStart = check;
            return this;
        }

        /**
         * Adds a listener for Tether's signals from the start, so it sees the first connections too.
         *
         * @param listener the listener; one that throws is logged and skipped
         * @return this builder
         */
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

        /**
         * Validates the configuration and creates the Tether, finding a backend for each database.
         *
         * @return a running Tether; close it to close its connections
         * @throws ConfigurationException naming the alias and key if anything is invalid or a backend is missing
         * @throws TetherException if {@link #checkOnStart(boolean) the start-up check} is on and a database fails it
         */
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
