package dev.tether.engine.internal;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Ticker;
import dev.tether.testing.Await;
import dev.tether.testing.fake.TestBackend;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * A waiter's ACQUIRE_TIMEOUT fires when its own deadline passes, whoever queued ahead of it. A waiter reads the time
 * before it queues for the pool's lock, so one that read it later can queue first: the queue is in arrival order, not
 * quite in deadline order. The one ahead here stands for such a waiter (its deadline is an hour away, so the gap is
 * visible); it is put in the queue directly, since which of two threads wins the lock cannot be arranged from outside.
 */
class AcquireTimeoutOrderTest {

    @Test
    void aWaiterTimesOutAtItsOwnDeadlineBehindOneWhoseDeadlineIsLater() throws Exception {
        TestBackend backend = new TestBackend();
        DatabaseSettings settings = DatabaseSettings.builder("default").engine("test").name("app").user("app")
                .password("s3cret-pw").maxConnections(1).acquireTimeout(Duration.ofMillis(100)).build();
        Engine engine = new Engine(List.of(settings), s -> backend, null, Ticker.SYSTEM, new SplittableRandom(1),
                Duration.ZERO, Duration.ofSeconds(1), List.of(), Map.of());
        try {
            Connection held = engine.wrapper("default").connection(); // the only connection, held by this thread
            Pool pool = pool(engine);
            Object ahead = waiter(engine, pool, System.nanoTime() + Duration.ofHours(1).toNanos());
            queue(pool, ahead, true);

            CompletableFuture<Object> outcome = new CompletableFuture<>();
            Thread behind = Thread.ofPlatform().start(() -> {
                try {
                    outcome.complete(engine.wrapper("default").connection());
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            try {
                Await.until("the waiter behind gives up at its own deadline", outcome::isDone,
                        () -> pool.stats() + ", behind: " + behind.getState());
                assertInstanceOf(SQLTransientConnectionException.class, outcome.get(), "ACQUIRE_TIMEOUT");
            } finally {
                queue(pool, ahead, false);
                held.close(); // serves the waiter behind if it is still there
                behind.join(5_000);
            }
        } finally {
            engine.close();
        }
    }

    private static Pool pool(Engine engine) throws ReflectiveOperationException {
        Field pools = Engine.class.getDeclaredField("pools");
        pools.setAccessible(true);
        return ((Map<?, ?>) pools.get(engine)).values().stream().map(Pool.class::cast).findFirst().orElseThrow();
    }

    /** A waiter of another owner, on this thread (which an unpark does not disturb), due at {@code deadline}. */
    private static Object waiter(Engine engine, Pool pool, long deadline) throws ReflectiveOperationException {
        Class<?> type = Class.forName(Pool.class.getName() + "$Waiter");
        Constructor<?> constructor = type.getDeclaredConstructor(Wrapper.class, long.class);
        constructor.setAccessible(true);
        Owner other = Owner.of(engine, Thread.currentThread(), 1);
        return constructor.newInstance(other.wrapper(pool), deadline);
    }

    /** Adds {@code waiter} to the pool's queue (or takes it out), under the pool's lock, as the pool itself does. */
    private static void queue(Pool pool, Object waiter, boolean add) throws ReflectiveOperationException {
        ReentrantLock lock = (ReentrantLock) field(pool, "lock").get(pool);
        @SuppressWarnings("unchecked")
        ArrayDeque<Object> queue = (ArrayDeque<Object>) field(pool, "queue").get(pool);
        lock.lock();
        try {
            if (add) {
                queue.addLast(waiter);
            } else {
                queue.remove(waiter);
            }
            field(pool, "waiting").setInt(pool, queue.size());
        } finally {
            lock.unlock();
        }
    }

    private static Field field(Pool pool, String name) throws NoSuchFieldException {
        Field field = Pool.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
