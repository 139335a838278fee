package dev.tether.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tether.vertx.internal.VertxContextStorage;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Vert.x storage tells the engine: contexts are not threads, have no owner thread, event loops must not block. */
class ContextStorageTest {
    private final Vertx vertx = Vertx.vertx();
    private final VertxContextStorage storage = new VertxContextStorage();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void onlyEventLoopThreadsMustNotBlock() {
        Promise<String> seen = Promise.promise();
        vertx.runOnContext(ignored -> vertx.executeBlocking(() -> storage.mustNotBlock(), false)
                .onComplete(worker -> seen.complete("loop=" + storage.mustNotBlock() + " worker=" + worker.result())));

        assertEquals("loop=true worker=false", seen.future().await());
        assertFalse(storage.mustNotBlock(), "the test's own thread");
    }

    @Test
    void contextsAreNotThreadsAndHaveNoOwnerThread() {
        assertFalse(storage.contextsAreThreads());
        assertNull(storage.ownerThread());
    }
}
