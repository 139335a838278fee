package dev.tether.vertx.internal;

import dev.tether.api.ContextState;
import dev.tether.api.ContextStorage;
import dev.tether.api.TetherException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * "The current context" is the current Vert.x context: each HTTP request runs on a duplicated context of
 * its own, which Vert.x keeps current on the event loop, on worker threads running its blocking code and
 * on virtual threads, so the request's connection follows it across them. One instance per Tether.
 */
public final class VertxContextStorage implements ContextStorage {

    @Override
    public ContextState get() {
        Binding binding = binding(Vertx.currentContext());
        return binding == null ? null : binding.state;
    }

    @Override
    public void set(ContextState state) {
        Context context = Vertx.currentContext();
        if (context == null) {
            if (state == null) {
                return;
            }
            throw new TetherException("There is no Vert.x context on thread '" + Thread.currentThread().getName()
                    + "' to keep Tether's connections in; use them from a request handler wrapped with "
                    + "TetherVertx.handler(...), through tetherVertx.withConnection(...), or run the code as a context "
                    + "of its own with tether.inContext(...)");
        }
        ContextLocals.bindings(context, true).getOrCreate(this).state = state;
    }

    @Override
    public void checkMayBlock(String alias) {
        if (Context.isOnEventLoopThread()) {
            throw new TetherException("[" + alias + "] JDBC was called on the Vert.x event-loop thread '"
                    + Thread.currentThread().getName() + "', which must never block; use tetherVertx.withConnection(\""
                    + alias + "\", connection -> ...), which runs it on a worker thread and returns a Future, or deploy "
                    + "the verticle with ThreadingModel.WORKER or ThreadingModel.VIRTUAL_THREAD");
        }
    }

    /** A request's context moves between the event loop, worker threads and virtual threads. */
    @Override
    public boolean contextsAreThreads() {
        return false;
    }

    /** A Vert.x context outlives any one thread: no owner thread. */
    @Override
    public Thread ownerThread() {
        return null;
    }

    @Override
    public boolean mustNotBlock() {
        return Context.isOnEventLoopThread();
    }

    /** The request running on {@code context}, or null outside a request. */
    public RequestScope request(Context context) {
        Binding binding = binding(context);
        return binding == null ? null : binding.request;
    }

    /** Marks {@code context} as the context of {@code request}. */
    public void bind(Context context, RequestScope request) {
        ContextLocals.bindings(context, true).getOrCreate(this).request = request;
    }

    private Binding binding(Context context) {
        if (context == null) {
            return null;
        }
        Bindings bindings = ContextLocals.bindings(context, false);
        return bindings == null ? null : bindings.get(this);
    }
}
