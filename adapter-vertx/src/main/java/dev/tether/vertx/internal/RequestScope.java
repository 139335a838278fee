package dev.tether.vertx.internal;

import dev.tether.api.UnitOfWork;
import io.vertx.core.Context;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One HTTP request's unit of work. It finishes exactly once: when the request is over (response ended,
 * connection closed or handler failed) and no code of the request is running, so the engine never
 * finishes a context whose connection a worker thread is still using.
 */
public final class RequestScope {
    private final UnitOfWork work;
    // Blocks of one request share one engine owner, which is not meant for two threads at once.
    private final ReentrantLock blocks = new ReentrantLock();
    private int running;
    private boolean over;
    private boolean finished;

    public RequestScope(UnitOfWork work) {
        this.work = work;
    }

    /** The request's code starts running; false once the request has finished. */
    public synchronized boolean enter() {
        if (finished) {
            return false;
        }
        running++;
        return true;
    }

    /** The code counted by {@link #enter()} returned. */
    public void leave() {
        boolean finish;
        synchronized (this) {
            running--;
            finish = finishNow();
        }
        if (finish) {
            finish();
        }
    }

    /** The response ended, the connection closed or the handler failed; safe to call any number of times. */
    public void over() {
        boolean finish;
        synchronized (this) {
            over = true;
            finish = finishNow();
        }
        if (finish) {
            finish();
        }
    }

    /** Runs a block entered with {@link #enter()}, one block of this request at a time, then leaves. */
    public <T> T call(Callable<T> block) throws Exception {
        try {
            blocks.lock();
            try {
                return block.call();
            } finally {
                blocks.unlock();
            }
        } finally {
            leave();
        }
    }

    private boolean finishNow() {
        if (over && running == 0 && !finished) {
            finished = true;
            return true;
        }
        return false;
    }

    private void finish() {
        if (Context.isOnEventLoopThread()) {
            // Finishing may roll back or close a connection: blocking work, kept off the event loop.
            Thread.ofVirtual().name("tether-request-finish").start(work::close);
        } else {
            work.close();
        }
    }
}
