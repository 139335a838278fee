package dev.tether.it.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.Server;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Four times as many clients as connections, with no fault at all: the cap is a bound, not a source of failures.
 * Connections go to the longest waiter, so no client waits out ACQUIRE_TIMEOUT while others are served.
 */
abstract class FairnessContract extends ServerContract {
    private static final int CLIENTS = 32;
    private static final int CAP = 8;
    private static final Duration RUN = Duration.ofSeconds(10);
    private static final Duration WORK = Duration.ofMillis(2);

    FairnessContract(Server server) {
        super(server);
    }

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void thirtyTwoClientsOnACapOfEightNeverTimeOut(Persistence persistence) throws Exception {
        long[] served = new long[CLIENTS];
        AtomicLong timeouts = new AtomicLong();
        AtomicLong longestWaitNanos = new AtomicLong();
        String work = dialect.sleep(WORK);
        try (Tether tether = tether(s -> s.persistence(persistence).maxConnections(CAP)
                .acquireTimeout(Duration.ofSeconds(2)).maxAge(DatabaseSettings.UNLIMITED));
             ExecutorService clients = Executors.newThreadPerTaskExecutor(ownerThreads(persistence))) {
            long end = System.nanoTime() + RUN.toNanos();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                done.add(clients.submit(() -> {
                    while (System.nanoTime() - end < 0) {
                        long asked = System.nanoTime();
                        try {
                            unit(tether, persistence, () -> {
                                try (var c = tether.connection(ALIAS)) {
                                    longestWaitNanos.accumulateAndGet(System.nanoTime() - asked, Math::max);
                                    execute(c, work);
                                }
                                return null;
                            });
                            served[client]++;
                        } catch (SQLTransientConnectionException e) {
                            timeouts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        long[] sorted = served.clone();
        Arrays.sort(sorted);
        System.out.printf("[fairness] %s %s: %d requests, per client min %d / median %d / max %d, longest wait %d ms,"
                        + " %d timeouts%n", dialect, persistence, Arrays.stream(served).sum(), sorted[0],
                sorted[CLIENTS / 2], sorted[CLIENTS - 1], longestWaitNanos.get() / 1_000_000, timeouts.get());
        assertEquals(0, timeouts.get(), "acquire timeouts with no fault");
        assertNoConnectionLeftAfterClose();
    }
}
