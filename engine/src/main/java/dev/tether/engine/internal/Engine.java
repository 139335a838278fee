package dev.tether.engine.internal;

import dev.tether.api.ContextState;
import dev.tether.api.ContextStorage;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.DatabaseWrapper;
import dev.tether.api.TetherException;
import dev.tether.api.TetherListener;
import dev.tether.api.UnitOfWork;
import dev.tether.api.PoolStats;
import dev.tether.api.Ticker;
import dev.tether.spi.Backend;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/** The engine behind {@link dev.tether.engine.Tether}: owners, pools and the request boundaries. */
public final class Engine {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");
    private static final ScopedValue<Owner> SCOPE = ScopedValue.newInstance();

    final Ticker ticker;
    final Listeners listeners = new Listeners();
    private final RandomGenerator random;
    private final Map<String, Pool> pools = new LinkedHashMap<>();
    private final Map<String, DataSource> dataSources = new LinkedHashMap<>();
    private final ContextStorage storage;
    private final boolean threadStorage;
    private final long shutdownGraceNanos;
    private final Reaper reaper;
    private final AtomicBoolean closed = new AtomicBoolean();

    public Engine(List<DatabaseSettings> databases, Function<DatabaseSettings, Backend> backends, ContextStorage storage,
                  Ticker ticker, RandomGenerator random, Duration reaperPeriod, Duration shutdownGrace,
                  List<TetherListener> listeners) {
        this.ticker = ticker;
        this.random = random;
        this.threadStorage = storage == null;
        this.storage = storage == null ? new ThreadLocalStorage() : storage;
        this.shutdownGraceNanos = shutdownGrace.toNanos();
        for (DatabaseSettings settings : databases) {
            Backend backend = backends.apply(settings);
            backend.validate(settings);
            pools.put(settings.alias(), new Pool(this, pools.size(), settings, backend));
            dataSources.put(settings.alias(), new ViewDataSource(this, settings.alias()));
        }
        listeners.forEach(this.listeners::add);
        this.reaper = reaperPeriod.isZero() || pools.isEmpty() ? null : new Reaper(this, reaperPeriod);
    }

    /** When a connection opened now retires: max age, shortened by the jitter; {@link Physical#NEVER} when unlimited. */
    long closeAt(DatabaseSettings settings) {
        if (settings.unlimitedMaxAge()) {
            return Physical.NEVER;
        }
        long maxAge;
        try {
            maxAge = settings.maxAge().toNanos();
        } catch (ArithmeticException e) {
            return Physical.NEVER;
        }
        if (settings.maxAgeJitter() > 0) {
            maxAge -= (long) (maxAge * settings.maxAgeJitter() * random.nextDouble());
        }
        long closeAt = ticker.nanos() + maxAge;
        return closeAt == Physical.NEVER ? closeAt - 1 : closeAt;
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
        Owner owner = new Owner(this, threadStorage ? Thread.currentThread() : null, pools.size());
        storage.set(owner);
        return owner;
    }

    public void requestStarted() {
        start(owner(true));
    }

    public void requestFinished() {
        Owner owner = owner(false);
        if (owner != null) {
            finish(owner);
        } else {
            listeners.requestFinished();
        }
    }

    public UnitOfWork begin() {
        return unitOf(owner(true));
    }

    private UnitOfWork unitOf(Owner owner) {
        if (owner.depth++ == 0) {
            start(owner);
        }
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true) && --owner.depth == 0) {
                finish(owner);
            }
        };
    }

    /** Runs {@code task} as one context of its own, ended when it returns. */
    public <T> T inContext(Callable<T> task) throws Exception {
        Owner owner = new Owner(this, null, pools.size()); // a scope, not a thread: it may fork and never parks
        return ScopedValue.where(SCOPE, owner).call(() -> {
            try (UnitOfWork ignored = unitOf(owner)) {
                return task.call();
            }
        });
    }

    private void start(Owner owner) {
        owner.inRequest = true;
        boundary(owner, false);
        listeners.requestStarted();
    }

    private void finish(Owner owner) {
        listeners.requestFinished();
        boundary(owner, true);
        owner.inRequest = false;
    }

    private void boundary(Owner owner, boolean finished) {
        for (Wrapper wrapper : owner.wrappers()) {
            if (wrapper != null) {
                try {
                    wrapper.requestBoundary(finished);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "[" + wrapper.alias() + "] request boundary failed", e);
                }
            }
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
            pools.values().forEach(pool -> pool.shutdown(shutdownGraceNanos));
        }
    }
}
