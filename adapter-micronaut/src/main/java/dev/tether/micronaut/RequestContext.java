package dev.tether.micronaut;

import dev.tether.api.ContextState;
import dev.tether.engine.Tether;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP request as a Tether context. It rides in Micronaut's propagated context, so the request's
 * connections follow it from the event loop to a blocking executor's thread and back.
 */
final class RequestContext implements PropagatedContextElement {
    /** The engine's state for this request; written on one thread, read on the next. */
    volatile ContextState state;
    private volatile dev.tether.api.UnitOfWork work;
    private final AtomicBoolean finished = new AtomicBoolean();

    /** The request context of the calling code, or {@code null} outside a request. */
    static RequestContext current() {
        return PropagatedContext.getOrEmpty().find(RequestContext.class).orElse(null);
    }

    /** Sends "request started" with this context current. */
    void start(Tether tether) {
        work = PropagatedContext.getOrEmpty().plus(this).propagate(tether::begin);
    }

    /** Sends "request finished"; only the first call does anything. */
    void finish() {
        dev.tether.api.UnitOfWork started = work;
        if (started != null && finished.compareAndSet(false, true)) {
            // Usually on the event loop: the engine moves the blocking part off it (the storage's mustNotBlock).
            started.close();
        }
    }
}
