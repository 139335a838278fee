package dev.tether.vertx;

import dev.tether.vertx.internal.Failures;
import dev.tether.vertx.internal.RequestScope;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * Binds a vert.x-web {@code Router}: each request is one Tether context, finished exactly once through
 * {@link RoutingContext#addEndHandler} (the hook {@code LoggerHandler}, {@code TimeoutHandler} and session handlers
 * share), when the response ends, the client goes away or routing fails. Mount it first, as handler and as failure
 * handler:
 *
 * <pre>{@code
 * TetherRouteHandler tether = TetherRouteHandler.create(db);
 * router.route().handler(tether).failureHandler(tether);
 * }</pre>
 *
 * As a failure handler it answers a database failure ({@link java.sql.SQLException}) with 503 and a short body,
 * the details going to the log only; other failures go on to the router's next failure handler.
 */
public final class TetherRouteHandler implements Handler<RoutingContext> {
    private final TetherVertx db;

    private TetherRouteHandler(TetherVertx db) {
        this.db = db;
    }

    /**
     * Creates the handler; mount it first on the router, as handler and as failure handler.
     *
     * @param db the Tether whose contexts the requests run in
     * @return a new handler
     */
    public static TetherRouteHandler create(TetherVertx db) {
        return new TetherRouteHandler(Objects.requireNonNull(db, "db"));
    }

    @Override
    public void handle(RoutingContext routing) {
        if (routing.failed()) {
            if (Failures.fromDatabase(routing.failure())) {
                Failures.answer(routing.response(), routing.failure());
            } else {
                routing.next();
            }
            return;
        }
        if (db.currentRequest() != null) {
            routing.next(); // rerouted: the request is already bound
            return;
        }
        RequestScope scope = db.beginRequest();
        scope.enter();
        try {
            routing.addEndHandler(ignored -> scope.over());
            routing.next();
        } finally {
            scope.leave();
        }
    }
}
