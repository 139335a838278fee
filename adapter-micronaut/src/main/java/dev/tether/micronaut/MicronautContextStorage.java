package dev.tether.micronaut;

import dev.tether.api.ContextState;
import dev.tether.api.ContextStorage;
import jakarta.inject.Singleton;

/**
 * Tether's "current context" under Micronaut: inside an HTTP request it is the request, found in
 * Micronaut's propagated context on whichever thread the request's code runs; elsewhere (scheduled
 * jobs, listeners, start-up code) it is the calling thread.
 */
@Singleton
public final class MicronautContextStorage implements ContextStorage {
    private final ThreadLocal<ContextState> outsideRequests = new ThreadLocal<>();

    @Override
    public ContextState get() {
        RequestContext request = RequestContext.current();
        return request != null ? request.state : outsideRequests.get();
    }

    @Override
    public void set(ContextState state) {
        RequestContext request = RequestContext.current();
        if (request != null) {
            request.state = state;
        } else if (state == null) {
            outsideRequests.remove();
        } else {
            outsideRequests.set(state);
        }
    }
}
