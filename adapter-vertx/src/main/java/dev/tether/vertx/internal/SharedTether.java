package dev.tether.vertx.internal;

import dev.tether.api.ConfigurationException;
import dev.tether.engine.Tether;
import io.vertx.core.Closeable;
import io.vertx.core.Completable;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.function.Supplier;

/**
 * One engine shared by name within one {@link Vertx}, like Vert.x's own {@code shared} pools: every verticle
 * instance that asks for the name gets the same engine, so the cap holds for the application, not per instance.
 * It is counted: the last {@link #release()} closes the engine, and so does closing Vert.x.
 */
public final class SharedTether implements Shareable, Closeable {
    private static final String MAP = "__dev.tether.vertx.shared";

    private final Vertx vertx;
    private final String name;
    private final Tether tether;
    private final VertxContextStorage storage;
    private final JsonObject databases;
    private final Runnable unbindMeters;
    private int references;

    private SharedTether(Vertx vertx, String name, Tether tether, VertxContextStorage storage, JsonObject databases) {
        this.vertx = vertx;
        this.name = name;
        this.tether = tether;
        this.storage = storage;
        this.databases = databases;
        this.unbindMeters = VertxMeters.bind(vertx, tether);
    }

    /**
     * The engine shared under {@code name} in {@code vertx}, built with {@code builder} by the first caller.
     * {@code databases} is the configuration it was read from (null when built in code): a later caller with
     * other databases under the same name fails, instead of silently using the first one's.
     */
    public static SharedTether acquire(Vertx vertx, String name, JsonObject databases, Supplier<Tether.Builder> builder) {
        if (name == null) {
            return own(vertx, builder.get());
        }
        LocalMap<String, SharedTether> shared = vertx.sharedData().getLocalMap(MAP);
        synchronized (shared) {
            SharedTether existing = shared.get(name);
            if (existing == null) {
                existing = build(vertx, name, databases, builder.get());
                shared.put(name, existing);
            } else if (databases != null && existing.databases != null && !databases.equals(existing.databases)) {
                throw new ConfigurationException("A Tether named '" + name + "' already runs in this Vert.x instance with "
                        + "other databases; give every verticle the same 'databases' configuration, or give this one its "
                        + "own \"poolName\"");
            }
            existing.references++;
            return existing;
        }
    }

    /** An engine for one user only (no name), closed by its release or with Vert.x. */
    private static SharedTether own(Vertx vertx, Tether.Builder builder) {
        SharedTether own = build(vertx, null, null, builder);
        own.references = 1;
        return own;
    }

    private static SharedTether build(Vertx vertx, String name, JsonObject databases, Tether.Builder builder) {
        VertxContextStorage storage = new VertxContextStorage();
        SharedTether built = new SharedTether(vertx, name, builder.contextStorage(storage).build(), storage, databases);
        ((VertxInternal) vertx).addCloseHook(built);
        return built;
    }

    public Tether tether() {
        return tether;
    }

    public VertxContextStorage storage() {
        return storage;
    }

    /** One user is done with the engine; the last one closes it (blocking: call it off the event loop). */
    public void release() {
        LocalMap<String, SharedTether> shared = vertx.sharedData().getLocalMap(MAP);
        synchronized (shared) {
            if (--references > 0) {
                return;
            }
            if (name != null) {
                shared.remove(name, this);
            }
        }
        ((VertxInternal) vertx).removeCloseHook(this);
        closeEngine();
    }

    /** Vert.x is closing: close the engine whoever still holds it, off the event loop. */
    @Override
    public void close(Completable<Void> completion) {
        Thread.ofVirtual().name("tether-close").start(() -> {
            closeEngine();
            completion.succeed();
        });
    }

    private void closeEngine() {
        try {
            unbindMeters.run();
        } finally {
            tether.close();
        }
    }
}
