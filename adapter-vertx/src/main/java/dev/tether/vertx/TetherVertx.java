package dev.tether.vertx;

import dev.tether.api.ConfigurationException;
import dev.tether.engine.Tether;
import dev.tether.vertx.internal.ContextLocals;
import dev.tether.vertx.internal.Failures;
import dev.tether.vertx.internal.JsonSettings;
import dev.tether.vertx.internal.RequestScope;
import dev.tether.vertx.internal.SharedTether;
import dev.tether.vertx.internal.VertxContextStorage;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Tether for Vert.x 5. Each HTTP request is one context: {@link #handler} starts Tether's unit of work when
 * a request arrives and finishes it once when the response ends, the connection closes or the handler
 * fails; the request's connections go back to the per-alias reservoir as soon as its code closes them.
 * JDBC blocks, so on an event loop use {@link #withConnection}; in a {@code WORKER} or
 * {@code VIRTUAL_THREAD} verticle, {@code tether().connection(alias)} may also be called directly.
 *
 * <pre>{@code
 * TetherVertx db = TetherVertx.create(vertx, config());   // {"databases": {"default": {...}}}
 * vertx.createHttpServer()
 *     .requestHandler(db.handler(request -> db
 *         .withConnection("default", c -> count(c))
 *         .onSuccess(n -> request.response().end(String.valueOf(n)))
 *         .onFailure(e -> request.response().setStatusCode(500).end())))
 *     .listen(8080);
 * }</pre>
 *
 * Connections are bounded by MAX_CONNECTIONS per alias for the whole Vert.x application: instances created
 * from the same configuration share one engine.
 */
public final class TetherVertx {

    static {
        ContextLocals.register();
    }

    private final Vertx vertx;
    private final SharedTether shared;
    private final Tether tether;
    private final VertxContextStorage storage;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TetherVertx(Vertx vertx, SharedTether shared) {
        this.vertx = vertx;
        this.shared = shared;
        this.tether = shared.tether();
        this.storage = shared.storage();
    }

    /**
     * Reads {@code {"databases": {"<alias>": {<Django-style keys>} or "<database URL>"}}} and starts Tether, or joins
     * the one already started in this {@code vertx} under the same {@code "poolName"} (default {@code "default"}):
     * every verticle instance shares one engine and one cap, like Vert.x's shared pools. Other entries of
     * {@code config} are ignored. PERSISTENCE defaults to context. Call it from a verticle's {@code start()} with
     * {@code config()}: a wrong setting then fails the deployment, naming the alias, the key and the fix. With
     * {@code "checkOnStart": true} use {@link #start(Vertx, JsonObject)}, which checks the databases off the event loop.
     *
     * @param vertx  the Vert.x instance whose contexts hold Tether's state
     * @param config the verticle's configuration, with a {@code "databases"} object
     * @return this verticle instance's handle on the shared Tether; close it in {@code stop()}
     * @throws dev.tether.api.ConfigurationException when a setting is missing or wrong
     */
    public static TetherVertx create(Vertx vertx, JsonObject config) {
        return create(vertx, config, Tether::builder);
    }

    /**
     * {@link #create(Vertx, JsonObject)} with a builder of its own (listeners, backends, timeouts), called only by the
     * first verticle instance that starts the shared engine.
     *
     * @param vertx   the Vert.x instance whose contexts hold Tether's state
     * @param config  the verticle's configuration, with a {@code "databases"} object
     * @param builder makes the builder the databases are added to; called at most once per shared engine
     * @return this verticle instance's handle on the shared Tether; close it in {@code stop()}
     * @throws dev.tether.api.ConfigurationException when a setting is missing or wrong, or when
     *         {@code "checkOnStart": true} is asked for on an event loop
     */
    public static TetherVertx create(Vertx vertx, JsonObject config, Supplier<Tether.Builder> builder) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(builder, "builder");
        ContextLocals.check(vertx);
        if (JsonSettings.checkOnStart(config) && Context.isOnEventLoopThread()) {
            throw new ConfigurationException("\"" + JsonSettings.CHECK_ON_START + "\": true opens a connection, which "
                    + "must not happen on the event loop; start Tether with TetherVertx.start(vertx, config()), which "
                    + "returns a Future, instead of TetherVertx.create");
        }
        SharedTether shared = SharedTether.acquire(vertx, JsonSettings.poolName(config), JsonSettings.databasesJson(config),
                () -> configure(builder.get(), config));
        return new TetherVertx(vertx, shared);
    }

    /**
     * {@link #create(Vertx, JsonObject)} on a worker thread, so that {@code "checkOnStart": true} may connect.
     *
     * @param vertx  the Vert.x instance whose contexts hold Tether's state
     * @param config the verticle's configuration, with a {@code "databases"} object
     * @return a future of the handle, failed when a setting is wrong or a database fails its start-up check
     */
    public static Future<TetherVertx> start(Vertx vertx, JsonObject config) {
        return start(vertx, config, Tether::builder);
    }

    /**
     * {@link #create(Vertx, JsonObject, Supplier)} on a worker thread, so that {@code "checkOnStart": true} may connect.
     *
     * @param vertx   the Vert.x instance whose contexts hold Tether's state
     * @param config  the verticle's configuration, with a {@code "databases"} object
     * @param builder makes the builder the databases are added to; called at most once per shared engine
     * @return a future of the handle, failed when a setting is wrong or a database fails its start-up check
     */
    public static Future<TetherVertx> start(Vertx vertx, JsonObject config, Supplier<Tether.Builder> builder) {
        return vertx.executeBlocking(() -> create(vertx, config, builder), false);
    }

    /**
     * Adds the databases of a JSON configuration ({@link #create(Vertx, JsonObject) the same form}) and its
     * {@code "checkOnStart"} to {@code builder}.
     *
     * @param builder the builder to add to
     * @param config  a configuration with a {@code "databases"} object
     * @return {@code builder}, for chaining
     * @throws dev.tether.api.ConfigurationException when a setting is missing or wrong
     */
    public static Tether.Builder configure(Tether.Builder builder, JsonObject config) {
        JsonSettings.databases(config).forEach(builder::database);
        return builder.checkOnStart(JsonSettings.checkOnStart(config));
    }

    /**
     * Starts a Tether of its own from a builder (listeners, backends, clock), storing its state in Vert.x contexts;
     * it is not shared with other verticle instances.
     *
     * @param vertx   the Vert.x instance whose contexts hold Tether's state
     * @param builder the configured builder; its context storage is replaced by one over Vert.x contexts
     * @return a handle on the new Tether; close it to close its connections
     */
    public static TetherVertx create(Vertx vertx, Tether.Builder builder) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(builder, "builder");
        ContextLocals.check(vertx);
        return new TetherVertx(vertx, SharedTether.acquire(vertx, null, null, () -> builder));
    }

    /**
     * Makes sure Tether's slot exists in the Vert.x instances created from now on. Vert.x finds it by itself
     * through {@code META-INF/services}; call this before {@code Vertx.vertx()} only where that is stripped.
     */
    public static void register() {
        ContextLocals.register();
    }

    /**
     * The engine behind this handle, for what the adapter does not wrap: settings, stats, listeners.
     *
     * @return the (possibly shared) Tether
     */
    public Tether tether() {
        return tether;
    }

    /**
     * The Vert.x instance this handle was created for.
     *
     * @return the Vert.x instance
     */
    public Vertx vertx() {
        return vertx;
    }

    /**
     * {@code handler}, with each request as one Tether context. If {@code handler} throws, the request is
     * answered 503 for a database failure ({@link java.sql.SQLException}) and 500 otherwise, with a short body and the
     * details in the log (or its connection reset when the response had started), and the error is rethrown to
     * Vert.x. This handler owns the response's {@code endHandler} and {@code closeHandler}: do not replace them.
     *
     * @param handler the application's request handler
     * @return a handler to give to {@code HttpServer.requestHandler}
     */
    public Handler<HttpServerRequest> handler(Handler<HttpServerRequest> handler) {
        Objects.requireNonNull(handler, "handler");
        return request -> {
            RequestScope scope = null;
            try {
                scope = beginRequest();
                handle(request, handler, scope);
            } catch (RuntimeException | Error e) {
                Failures.answer(request.response(), e);
                if (scope != null) {
                    scope.over();
                }
                throw e;
            }
        };
    }

    /** Starts a request's unit of work and makes the current Vert.x context its context. */
    RequestScope beginRequest() {
        RequestScope scope = new RequestScope(tether.begin());
        storage.bind(Vertx.currentContext(), scope);
        return scope;
    }

    /** The request whose context is the current one, or null. */
    RequestScope currentRequest() {
        Context context = Vertx.currentContext();
        return context == null ? null : storage.request(context);
    }

    private static void handle(HttpServerRequest request, Handler<HttpServerRequest> handler, RequestScope scope) {
        scope.enter();
        try {
            HttpServerResponse response = request.response();
            response.endHandler(ignored -> scope.over());
            response.closeHandler(ignored -> scope.over());
            if (response.ended() || response.closed()) {
                scope.over(); // closed before the handlers were set: on a worker context the close races with us
            }
            handler.handle(request);
        } finally {
            scope.leave();
        }
    }

    /**
     * Runs {@code block} with the current context's connection for {@code alias} and closes the handle after:
     * on a worker thread when called on an event loop, directly on a worker or virtual thread. A block
     * started by a request belongs to it: the request finishes only after the block returns, and its
     * blocks run one at a time. Elsewhere (timers, event-bus consumers, other threads) each call is a
     * context of its own.
     *
     * @param <T>   the block's result type
     * @param alias a configured database alias
     * @param block the work to do with the connection; it must not keep the connection
     * @return a future of the block's result, failed with what it or the connection attempt threw
     */
    public <T> Future<T> withConnection(String alias, SqlFunction<Connection, T> block) {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(block, "block");
        Callable<T> work = () -> {
            try (Connection connection = tether.connection(alias)) {
                return block.apply(connection);
            }
        };
        Context context = Vertx.currentContext();
        if (context == null) {
            return vertx.executeBlocking(() -> tether.inContext(work), false);
        }
        RequestScope request = storage.request(context);
        boolean inRequest = request != null && request.enter();
        Callable<T> task = inRequest ? () -> request.call(work) : () -> tether.inContext(work);
        if (!Context.isOnEventLoopThread()) {
            try {
                return Future.succeededFuture(task.call());
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        }
        if (!inRequest) {
            return context.executeBlocking(task, false);
        }
        AtomicBoolean ran = new AtomicBoolean();
        return context.executeBlocking(() -> {
            ran.set(true);
            return task.call();
        }, false).onFailure(error -> {
            if (!ran.get()) {
                request.leave(); // never ran (Vert.x is closing): the request must still finish
            }
        });
    }

    /**
     * This verticle instance is done with Tether: the last instance sharing the engine closes its connections (off
     * the event loop), waiting at most its shutdown timeout for ones in use. Idempotent.
     *
     * @return a future completed once this instance's share is released (and the engine closed, if it was the last)
     */
    public Future<Void> close() {
        if (!closed.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        if (Context.isOnEventLoopThread()) {
            return vertx.executeBlocking(() -> {
                shared.release();
                return null;
            }, false);
        }
        shared.release();
        return Future.succeededFuture();
    }
}
