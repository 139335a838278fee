package dev.tether.vertx.internal;

import dev.tether.api.ContextState;

/** One Tether instance's state in one Vert.x context: the engine's owner and, in a request, the request. */
final class Binding {
    volatile ContextState state;
    volatile RequestScope request;
}
