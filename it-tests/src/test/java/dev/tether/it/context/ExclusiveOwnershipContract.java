package dev.tether.it.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.api.PoolStats;
import dev.tether.engine.Tether;
import dev.tether.testing.servers.Server;
import dev.tether.testing.servers.ServerAdmin;
import dev.tether.testing.servers.ServerPeak;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many owners acquire and release a few connections under contention, with the reaper running: a server
 * session is never held by two owners at once. Checked twice over: a registry of the sessions held now,
 * and an owner marker each holder writes into its session and must read back unchanged.
 */
abstract class ExclusiveOwnershipContract extends ServerContract {
    private static final int OWNERS = 64;
    private static final int CAP = 6;
    private static final Duration RUN = Duration.ofSeconds(3);

    ExclusiveOwnershipContract(Server server) {
        super(server);
    }

    /** Who holds each server session now, and what went wrong. */
    private final class Ledger {
        final Map<Long, String> holders = new ConcurrentHashMap<>();
        final Map<Long, Set<String>> ownersBySession = new ConcurrentHashMap<>();
        final Queue<String> violations = new ConcurrentLinkedQueue<>();
        final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final AtomicLong requests = new AtomicLong();

        /** Takes the session behind {@code c} for {@code request} of {@code owner}, checks it is ours throughout, then gives it up. */
        Void hold(Connection c, String owner, String request) throws SQLException {
            long session = ServerAdmin.currentSessionId(c);
            String before = holders.putIfAbsent(session, request);
            if (before != null) {
                violations.add("session " + session + " was held by " + before + " when " + request + " got it");
                return null;
            }
            try {
                dialect.markOwner(c, request);
                Thread.yield();
                number(c, "SELECT 1");
                String marked = dialect.owner(c);
                if (!request.equals(marked)) {
                    violations.add("session " + session + " of " + request + " was marked by " + marked + " meanwhile");
                }
                ownersBySession.computeIfAbsent(session, s -> ConcurrentHashMap.newKeySet()).add(owner);
            } finally {
                holders.remove(session, request); // before the handle closes: after that it may go to another owner
            }
            return null;
        }
    }

    @ParameterizedTest
    @EnumSource(Persistence.class)
    void aConnectionIsNeverHeldByTwoOwnersAtOnce(Persistence persistence) throws Exception {
        try (Tether tether = tether(s -> s.persistence(persistence).maxConnections(CAP)
                        .maxAge(DatabaseSettings.UNLIMITED), e -> e.reaperPeriod(Duration.ofMillis(50)));
             ServerPeak peak = watchServer()) {
            Ledger ledger = contend(tether, persistence);

            assertExclusive(ledger);
            assertPeakWithinCap(peak, CAP);
            PoolStats stats = awaitStats(tether, s -> s.inUse() == 0);
            assertEquals(0, stats.inUse(), stats::toString);
            assertTrue(stats.opened() <= CAP, ledger.requests + " requests opened " + stats.opened() + " connections");
            report(persistence + ", unlimited max age", ledger, stats);
        }
    }

    /** Connections expire every 100 ms, so the reaper and the request boundaries retire them while others are taken. */
    @ParameterizedTest
    @EnumSource(Persistence.class)
    void aConnectionIsNeverHeldByTwoOwnersWhileConnectionsExpireAndAreReplaced(Persistence persistence)
            throws Exception {
        try (Tether tether = tether(s -> s.persistence(persistence).maxConnections(CAP)
                        .maxAge(Duration.ofMillis(100)).maxAgeJitter(0.5), e -> e.reaperPeriod(Duration.ofMillis(20)))) {
            Ledger ledger = contend(tether, persistence);

            assertExclusive(ledger);
            PoolStats stats = awaitStats(tether, s -> s.inUse() == 0);
            assertEquals(0, stats.inUse(), stats::toString);
            assertTrue(stats.open() <= CAP, stats::toString);
            assertTrue(stats.opened() > CAP, "connections were replaced during the run: " + stats);
            report(persistence + ", max age 100 ms", ledger, stats);
        }
    }

    /** {@link #OWNERS} owners send requests for {@link #RUN}, each holding a connection through the ledger. */
    private Ledger contend(Tether tether, Persistence persistence) {
        Ledger ledger = new Ledger();
        long end = System.nanoTime() + RUN.toNanos();
        // In context persistence each request is a context of its own as well.
        try (ExecutorService owners = Executors.newThreadPerTaskExecutor(ownerThreads(persistence))) {
            for (int o = 0; o < OWNERS; o++) {
                String owner = "owner-" + o;
                owners.submit(() -> {
                    for (int n = 0; System.nanoTime() - end < 0; n++) {
                        String token = owner + "/" + n;
                        try {
                            request(tether, persistence, c -> ledger.hold(c, owner, token));
                            ledger.requests.incrementAndGet();
                        } catch (Exception | AssertionError e) {
                            ledger.failures.add(e);
                        }
                    }
                });
            }
        }
        return ledger;
    }

    private static void assertExclusive(Ledger ledger) {
        assertEquals(List.of(), List.copyOf(ledger.violations).stream().limit(5).toList(),
                ledger.violations.size() + " times a session had two owners");
        assertEquals(List.of(), List.copyOf(ledger.failures).stream().limit(3).map(Throwable::toString).toList(),
                ledger.failures.size() + " requests failed");
        assertTrue(ledger.ownersBySession.values().stream().anyMatch(seen -> seen.size() > 1),
                "connections changed owners, so the check was exercised: " + ledger.ownersBySession.keySet());
    }

    private void report(String run, Ledger ledger, PoolStats stats) {
        System.err.printf("[tether-it] %s %s: %d requests by %d owners, %d connections opened in %s%n",
                getClass().getSimpleName(), run, ledger.requests.get(), OWNERS, stats.opened(), RUN);
    }
}
