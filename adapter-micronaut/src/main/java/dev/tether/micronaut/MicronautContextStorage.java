package dev.tether.micronaut;

import dev.tether.api.ContextState;
import dev.tether.api.ContextStorage;
import dev.tether.api.TetherException;
import io.micronaut.context.annotation.Value;
import io.netty.util.internal.ThreadExecutorMap;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Tether's "current context" under Micronaut: inside an HTTP request it is the request, found in
 * Micronaut's propagated context on whichever thread the request's code runs; elsewhere (scheduled
 * jobs, listeners, start-up code) it is the calling thread.
 *
 * <p>JDBC on a Netty event-loop thread fails with an explanation, unless {@code tether.allow-event-loop-jdbc}
 * is {@code true}: one blocked event loop stalls every connection it serves.
 */
@Singleton
public final class MicronautContextStorage implements ContextStorage {
    /** The opt-out: {@code true} lets controllers without {@code @ExecuteOn} block the event loop on JDBC. */
    public static final String ALLOW_EVENT_LOOP_JDBC = "tether.allow-event-loop-jdbc";

    private final ThreadLocal<ContextState> outsideRequests = new ThreadLocal<>();
    private final boolean allowEventLoopJdbc;

    @Inject
    MicronautContextStorage(@Value("${" + ALLOW_EVENT_LOOP_JDBC + ":false}") boolean allowEventLoopJdbc) {
        this.allowEventLoopJdbc = allowEventLoopJdbc;
    }

    /** A storage that refuses JDBC on event-loop threads. */
    public MicronautContextStorage() {
        this(false);
    }

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

    /** A request hops from the event loop to a blocking executor's thread, so contexts are not threads. */
    @Override
    public boolean contextsAreThreads() {
        return false;
    }

    /** Outside a request the state lives in the calling thread, and dies with it. */
    @Override
    public Thread ownerThread() {
        return RequestContext.current() != null ? null : Thread.currentThread();
    }

    @Override
    public boolean mustNotBlock() {
        return onEventLoop();
    }

    @Override
    public void checkMayBlock(String alias) {
        if (!allowEventLoopJdbc && onEventLoop()) {
            throw new TetherException("[" + alias + "] JDBC was called on the Netty event-loop thread '"
                    + Thread.currentThread().getName() + "', which serves many connections and must never block; "
                    + "annotate the controller or method with @ExecuteOn(TaskExecutors.BLOCKING) so it runs on a virtual "
                    + "thread, or set " + ALLOW_EVENT_LOOP_JDBC + ": true to allow blocking the event loop");
        }
    }

    /** Netty records the executor of each of its event-loop threads; other threads have none. */
    static boolean onEventLoop() {
        return ThreadExecutorMap.currentExecutor() != null;
    }
}
