/** Tether for Vert.x 5: requests bound to Tether's signals, context-local persistence, JDBC kept off the event loop. */
module dev.tether.vertx {
    requires transitive dev.tether.engine;
    requires transitive io.vertx.core;
    // Only TetherRouteHandler needs vert.x-web; applications without a Router need not have it.
    requires static io.vertx.web;
    requires static io.vertx.healthcheck;
    // Only when Vert.x metrics are on with Micrometer: Tether's meters go to that registry.
    requires static io.vertx.metrics.micrometer;
    requires static dev.tether.micrometer;

    exports dev.tether.vertx;

    provides io.vertx.core.spi.VertxServiceProvider with dev.tether.vertx.internal.ContextLocals;
}
