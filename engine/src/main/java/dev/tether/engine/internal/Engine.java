package dev.tether.engine.internal;

import dev.tether.api.ConfigurationException;
import dev.tether.api.ContextState;
import dev.tether.api.ContextStorage;
import dev.tether.api.CredentialsSupplier;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.DatabaseWrapper;
import dev.tether.api.TetherException;
import dev.tether.api.TetherListener;
import dev.tether.api.UnitOfWork;
import dev.tether.api.Persistence;
import dev.tether.api.PoolObserver;
import dev.tether.api.PoolStats;
import dev.tether.api.Setting;
import dev.tether.api.Ticker;
import dev.tether.spi.Backend;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/** The engine behind {@link dev.tether.engine.Tether}: owners, pools and the request boundaries. */
public final class Engine {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");
    private static final ScopedValue<Owner> SCOPE = ScopedValue.newInstance();

    /** The exact clock: durations reported to observers and the flight recorder, waits, rare paths. */
    final Ticker ticker;
    /** The hot path's clock (the engine clock's reading, or the injected ticker itself): ages and idle times. */
    final Ticker clock;
    private final EngineClock engineClock = new EngineClock(this::tick);
    final Listeners listeners = new Listeners();
    final Observers observers = new Observers();
    private final RandomGenerator random;
    private final Map<String, Pool> pools = new LinkedHashMap<>();
    private final Map<String, DataSource> dataSources = new LinkedHashMap<>();
    private final ContextStorage storage;
    private final long shutdownGraceNanos;
    private final Reaper reaper;
    private final PoolSnapshots snapshots;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Runs blocking work off threads that must not block (a request's end on an event loop), and aborts. */
    final ExecutorService blockingWork = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("tether-blocking-", 0).factory());

    public Engine(List<DatabaseSettings> databases, Function<DatabaseSettings, Backend> backends, ContextStorage storage,
                  Ticker ticker, RandomGenerator random, Duration reaperPeriod, Duration shutdownGrace,
                  List<TetherListener> listeners, Map<String, CredentialsSupplier> credentials) {
        this.ticker = ticker;
        this.clock = ticker == Ticker.SYSTEM ? engineClock : ticker; // a test's ticker keeps control of time
        this.random = random;
        this.storage = storage == null ? new ThreadLocalStorage() : storage;
        this.shutdownGraceNanos = shutdownGrace.toNanos();
        for (DatabaseSettings settings : databases) {
            checkPersistence(settings, this.storage);
            Backend backend = backends.apply(settings);
            backend.validate(settings);
            pools.put(settings.alias(), new Pool(this, pools.size(), settings, backend, credentials.get(settings.alias())));
            dataSources.put(settings.alias(), new ViewDataSource(this, settings.alias()));
        }
        listeners.forEach(this.listeners::add);
        this.reaper = reaperPeriod.isZero() || pools.isEmpty() ? null
                : new Reaper(this, LeakChecks.period(reaperPeriod, databases));
        this.snapshots = PoolSnapshots.register(pools.values());
        engineClock.start();
    }

    /** Every reading of the engine's clock: the waiters whose ACQUIRE_TIMEOUT passed are woken. */
    private void tick() {
        long now = System.nanoTime();
        pools.values().forEach(pool -> pool.wakeTimedOut(now));
    }

    /** The one place the persistence mode is checked against where contexts are kept, for every adapter alike. */
    private static void checkPersistence(DatabaseSettings settings, ContextStorage storage) {
        if (settings.persistence() == Persistence.THREAD && !storage.contextsAreThreads()) {
            throw ConfigurationException.of(settings.alias(), Setting.PERSISTENCE.key(), "is 'thread'",
                    "thread persistence parks a connection with its thread between requests, but "
                            + storage.getClass().getName() + " keeps Tether's state per request or context, which "
                            + "moves between threads; set PERSISTENCE to 'context' (connections go back to the alias's "
                            + "reservoir when a request ends and are reused by the next)");
        }
    }

    /** When a connection opened now retires: max age, shortened by the jitter; {@link Physical#NEVER} when unlimited. */
    long closeAt(DatabaseSettings settings) {
        long maxAge = Math.min(maxAgeNanos(settings), CredentialLifetime.retireAfterNanos(settings, random));
        if (maxAge == Long.MAX_VALUE) {
            return Physical.NEVER;
        }
        long closeAt = clock.nanos() + maxAge; // the clock ages are checked on: with CONN_MAX_AGE=0, expired at once
        return closeAt == Physical.NEVER ? closeAt - 1 : closeAt;
    }

    private long maxAgeNanos(DatabaseSettings settings) {
        if (settings.unlimitedMaxAge()) {
            return Long.MAX_VALUE;
        }
        long maxAge;
        try {
            maxAge = settings.maxAge().toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        if (settings.maxAgeJitter() > 0) {
            maxAge -= (long) (maxAge * settings.maxAgeJitter() * random.nextDouble());
        }
        return maxAge;
    }

    void checkMayBlock(String alias) {
        storage.checkMayBlock(alias);
    }

    public Set<String> aliases() {
        return pools.keySet();
    }

    public DatabaseSettings settings(String alias) {
        return pool(alias).settings;
    }

    public DatabaseWrapper wrapper(String alias) {
        Pool pool = pool(alias);
        return owner(true).wrapper(pool);
    }

    public DataSource dataSource(String alias) {
        pool(alias);
        return dataSources.get(alias);
    }

    public PoolStats stats(String alias) {
        return pool(alias).stats();
    }

    public AutoCloseable subscribe(TetherListener listener) {
        return listeners.add(listener);
    }

    public AutoCloseable observe(PoolObserver observer) {
        return observers.add(observer);
    }

    private Pool pool(String alias) {
        Pool pool = pools.get(alias);
        if (pool != null) {
            return pool;
        }
        if (pools.isEmpty()) {
            throw new TetherException("No databases are configured, so '" + alias + "' cannot be used; "
                    + "add one with Tether.builder().database(...) or tether.databases." + alias + ".* settings");
        }
        throw new TetherException("No database is configured with alias '" + alias + "'; configured aliases: "
                + String.join(", ", pools.keySet()));
    }

    private Owner owner(boolean create) {
        if (SCOPE.isBound()) {
            return SCOPE.get();
        }
        ContextState state = storage.get();
        if (state instanceof Owner owner && owner.engine == this) {
            return owner;
        }
        if (state != null) {
            throw new TetherException("The context storage holds state another Tether instance or other code put there ("
                    + state.getClass().getName() + "); give each Tether instance its own ContextStorage");
        }
        if (!create) {
            return null;
        }
        Owner owner = Owner.of(this, storage.ownerThread(), pools.size());
        storage.set(owner);
        return owner;
    }

    /** Django's signal: a request starts. One that never finished ends here first (the signals do not nest). */
    public void requestStarted() {
        Owner owner = owner(true);
        if (owner.startRequest()) {
            endUnits(owner);
        }
        start(owner);
    }

    public void requestFinished() {
        Owner owner = owner(false);
        if (owner == null) {
            listeners.requestFinished();
        } else if (owner.exitUnit()) {
            finish(owner);
        }
    }

    public UnitOfWork begin() {
        return unitOf(owner(true));
    }

    private UnitOfWork unitOf(Owner owner) {
        if (owner.enterUnit()) {
            start(owner);
        }
        return new Unit(this, owner);
    }

    /** Closing is idempotent and may happen on another thread, while a call on the connection still runs there. */
    private static final class Unit extends AtomicBoolean implements UnitOfWork {
        private final Engine engine;
        private final Owner owner;

        Unit(Engine engine, Owner owner) {
            this.engine = engine;
            this.owner = owner;
        }

        @Override
        public void close() {
            if (compareAndSet(false, true) && owner.exitUnit()) {
                engine.finish(owner);
            }
        }
    }

    /** Runs {@code task} as one context of its own, ended when it returns. */
    public <T> T inContext(Callable<T> task) throws Exception {
        Owner owner = Owner.of(this, null, pools.size()); // a scope, not a thread: it may fork and never parks
        return ScopedValue.where(SCOPE, owner).call(() -> {
            try (UnitOfWork ignored = unitOf(owner)) {
                return task.call();
            }
        });
    }

    private void start(Owner owner) {
        for (Wrapper wrapper : owner.wrappers()) {
            if (wrapper != null) {
                wrapper.unitStarted();
            }
        }
        listeners.requestStarted();
    }

    private void finish(Owner owner) {
        listeners.requestFinished();
        boolean mayBlock = !storage.mustNotBlock();
        for (Wrapper wrapper : owner.wrappers()) {
            if (wrapper != null && !endUnit(wrapper, mayBlock)) {
                runBlocking(() -> endUnit(wrapper, true));
            }
        }
    }

    private static void endUnits(Owner owner) {
        for (Wrapper wrapper : owner.wrappers()) {
            if (wrapper != null) {
                endUnit(wrapper, true);
            }
        }
    }

    private static boolean endUnit(Wrapper wrapper, boolean mayBlock) {
        try {
            return wrapper.unitEnded(mayBlock);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "[" + wrapper.alias() + "] ending the unit of work failed", e);
            return true;
        }
    }

    /** Runs work that may block (rollback, reset, ping, close) on a thread of the engine's; here once shut down. */
    void runBlocking(Runnable task) {
        try {
            blockingWork.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // shut down: nothing else will run it
        }
    }

    public void reap() {
        pools.values().forEach(Pool::reap);
    }

    /** Closes every connection; waits for ones in use at most the shutdown grace. Idempotent. */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (reaper != null) {
                reaper.stop();
            }
            snapshots.unregister();
            pools.values().forEach(pool -> pool.shutdown(shutdownGraceNanos));
            blockingWork.close();
            engineClock.stop();
        }
    }
}
