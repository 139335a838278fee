package dev.tether.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.testing.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The lock in a wrapper's own fields: exclusive, reentrant, no lost wake-up, an interrupt kept and not obeyed. */
class WrapperLockTest {
    private final WrapperLock lock = new WrapperLock() { };
    private long counter; // guarded by lock, deliberately plain

    @Test
    void holdersExcludeEachOtherUnderContentionAndEveryWaiterGetsItsTurn() throws Exception {
        int threads = 6;
        int rounds = 50_000;
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            boolean virtual = t % 2 == 0;
            Runnable work = () -> {
                for (int i = 0; i < rounds; i++) {
                    lock.lock();
                    try {
                        counter++;
                        if (i % 1_000 == 0) {
                            Thread.yield(); // hold it while others queue and park
                        }
                    } finally {
                        lock.unlock();
                    }
                }
            };
            running.add(virtual ? Thread.ofVirtual().start(work) : Thread.ofPlatform().start(work));
        }
        for (Thread thread : running) {
            assertTrue(thread.join(java.time.Duration.ofSeconds(60)), "a waiter was never woken: " + thread);
        }
        assertEquals((long) threads * rounds, counter, "an increment was lost: two holders at once");
    }

    @Test
    void theHolderTakesItAgainAndOthersOnlyWhenEveryHoldIsReleased() throws Exception {
        lock.lock();
        lock.lock();
        assertFalse(CompletableFuture.supplyAsync(lock::tryLock).get(10, TimeUnit.SECONDS));
        lock.unlock();
        assertFalse(CompletableFuture.supplyAsync(lock::tryLock).get(10, TimeUnit.SECONDS), "still held once");
        lock.unlock();
        assertTrue(CompletableFuture.supplyAsync(() -> {
            boolean taken = lock.tryLock();
            lock.unlock();
            return taken;
        }).get(10, TimeUnit.SECONDS));
    }

    @Test
    void onlyTheHolderMayUnlock() {
        assertThrows(IllegalMonitorStateException.class, lock::unlock);
        lock.lock();
        try {
            Thread other = Thread.ofPlatform().unstarted(() -> assertThrows(IllegalMonitorStateException.class, lock::unlock));
            other.start();
            assertTrue(joined(other));
        } finally {
            lock.unlock();
        }
    }

    @Test
    void anInterruptedWaiterStillWaitsForTheLockAndKeepsItsInterrupt() throws Exception {
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        lock.lock();
        Thread waiter = Thread.ofPlatform().start(() -> {
            lock.lock();
            interruptedAfter.set(Thread.currentThread().isInterrupted());
            lock.unlock();
        });
        Await.until("the waiter parks", () -> waiter.getState() == Thread.State.WAITING);
        waiter.interrupt();
        Await.until("the interrupted waiter parks again instead of taking the lock or spinning",
                () -> waiter.getState() == Thread.State.WAITING);
        lock.unlock();
        assertTrue(joined(waiter));
        assertTrue(interruptedAfter.get(), "the interrupt is kept for the code after lock()");
    }

    private static boolean joined(Thread thread) {
        try {
            return thread.join(java.time.Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
