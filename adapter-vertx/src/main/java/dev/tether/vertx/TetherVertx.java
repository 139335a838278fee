package dev.tether.vertx;

import dev.tether.engine.Tether;
import dev.tether.vertx.internal.ContextLocals;
import dev.tether.vertx.internal.JsonSettings;
import dev.tether.vertx.internal.RequestScope;
import dev.tether.vertx.internal.VertxContextStorage;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * Connections are bounded by MAX_CONNECTIONS per alias and per {@code TetherVertx}: create one per
 * application and share it between verticle instances.
 */
public final class TetherVertx {
    private static final System.Logger LOG = System.getLogger("dev.tether.vertx");

    static {
        ContextLocals.register();
    }

    private final Vertx vertx;
    private final Tether tether;
    private final VertxContextStorage storage;

    private TetherVertx(Vertx vertx, Tether tether, VertxContextStorage storage) {
        this.vertx = vertx;
        this.tether = tether;
        this.storage = storage;
    }

    /**
     * Reads {@code {"databases": {"<alias>": {<Django-style keys>} or "<database URL>"}}} (other entries are
     * ignored) and starts Tether. PERSISTENCE defaults to context. Call it from a verticle's {@code start()}
     * with {@code config()}: a wrong setting then fails the deployment, naming the alias, the key and the fix.
     *
     * @throws dev.tether.api.ConfigurationException when a setting is missing or wrong
     */
    public static TetherVertx create(Vertx vertx, JsonObject config) {
        return create(vertx, configure(Tether.builder(), config));
    }

    /**
     * Adds the databases of a JSON configuration ({@link #create(Vertx, JsonObject) the same form}) to
     * {@code builder}, for applications that also set listeners, backends or timeouts on it.
     *
     * @throws dev.tether.api.ConfigurationException when a setting is missing or wrong
     */
    public static Tether.Builder configure(Tether.Builder builder, JsonObject config) {
        JsonSettings.databases(config).forEach(builder::database);
        return builder;
    }

    /**
     * Starts Tether from a builder (listeners, backends, clock), storing its state in Vert.x contexts.
     * Every database must use {@code Persistence.CONTEXT}.
     */
    public static TetherVertx create(Vertx vertx, Tether.Builder builder) {
        Objects.requireNonNull(vertx, "vertx");
        ContextLocals.check(vertx);
        VertxContextStorage storage = new VertxContextStorage();
        // The engine refuses PERSISTENCE=thread for this storage, whose contexts are not threads.
        Tether tether = builder.contextStorage(storage).build();
        return new TetherVertx(vertx, tether, storage);
    }

    /**
     * Makes sure Tether's slot exists in the Vert.x instances created from now on. Vert.x finds it by itself
     * through {@code META-INF/services}; call this before {@code Vertx.vertx()} only where that is stripped.
     */
    public static void register() {
        ContextLocals.register();
    }

    public Tether tether() {
        return tether;
    }

    public Vertx vertx() {
        return vertx;
    }

    /**
     * {@code handler}, with each request as one Tether context. If {@code handler} throws, the request is
     * answered 500 (or its connection reset when the response had started) and the error is rethrown to
     * Vert.x. This handler owns the response's {@code endHandler} and {@code closeHandler}: do not replace them.
     */
    public Handler<HttpServerRequest> handler(Handler<HttpServerRequest> handler) {
        Objects.requireNonNull(handler, "handler");
        return request -> {
            RequestScope scope = null;
            try {
                scope = new RequestScope(tether.begin());
                storage.bind(Vertx.currentContext(), scope);
                handle(request, handler, scope);
            } catch (RuntimeException | Error e) {
                answerFailure(request);
                if (scope != null) {
                    scope.over();
                }
                throw e;
            }
        };
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

    private static void answerFailure(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        try {
            if (response.ended() || response.closed()) {
                return;
            }
            if (response.headWritten()) {
                response.reset();
            } else {
                response.setStatusCode(500).end();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "could not answer a failed request: " + e);
        }
    }

    /**
     * Runs {@code block} with the current context's connection for {@code alias} and closes the handle after:
     * on a worker thread when called on an event loop, directly on a worker or virtual thread. A block
     * started by a request belongs to it: the request finishes only after the block returns, and its
     * blocks run one at a time. Elsewhere (timers, event-bus consumers, other threads) each call is a
     * context of its own.
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

    /** Closes Tether's connections (off the event loop), waiting at most its shutdown timeout for ones in use. */
    public Future<Void> close() {
        if (Context.isOnEventLoopThread()) {
            return vertx.executeBlocking(() -> {
                tether.close();
                return null;
            }, false);
        }
        tether.close();
        return Future.succeededFuture();
    }
}
