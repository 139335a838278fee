package dev.tether.engine.internal;

import dev.tether.api.CloseReason;
import dev.tether.api.CredentialsSupplier;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.PoolStats;
import dev.tether.spi.Backend;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One alias's physical connections under its cap. An owner without one takes, in order (its own parked
 * connection is its wrapper's business): one from the reservoir (the one it gave back last, if still there), one
 * parked by a thread that died, a new one if under the cap, an idle one parked by another thread, or waits.
 * While anyone waits, connections go to the longest waiter and arrivals queue behind it; the queue, the list of
 * connections and the slot count change under the one lock, the connections' own states by compare-and-set (see
 * {@link Physical}). A waiter parks its thread without a timeout; what it is granted is set under the lock and it is
 * unparked, so it takes its grant without the lock, and the engine's clock wakes it at its ACQUIRE_TIMEOUT.
 */
final class Pool {
    private static final System.Logger LOG = System.getLogger("dev.tether.engine");
    private static final long DRAIN_AFTER_ABORT_NANOS = TimeUnit.SECONDS.toNanos(1);

    final DatabaseSettings settings;
    final Backend backend;
    final int index;
    private final Engine engine;
    final ServerWatch server;
    /** Asked for every new connection's user and password; null to use USER and PASSWORD. */
    private final CredentialsSupplier credentials;
    private final ReentrantLock lock = new ReentrantLock();
    /** Open connections; replaced, never changed in place, under the lock, so scans need no lock. */
    private volatile Physical[] all = new Physical[0];
    /** Open plus opening connections: never above the cap. */
    private final AtomicInteger slots = new AtomicInteger();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    /** The queue's length, readable without the lock: arrivals and releases take the fast path at 0. */
    private volatile int waiting;
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong nextId = new AtomicLong(1);
    private volatile boolean shutDown;
    /** A connection with a max age (or expiring credentials) was opened: parked ones may age out between units. */
    private volatile boolean opensAging;
    private final AtomicBoolean warnedOutsideUnit = new AtomicBoolean();
    final PoolEvents events;
    private final Settle settle;

    /**
     * A caller waiting at the cap. What it is granted is set under the lock, and it is unparked; it reads the grant
     * without the lock, so a hand-over does not make it queue for the lock again.
     */
    private static final class Waiter {
        final Wrapper wrapper;
        final Thread thread = Thread.currentThread();
        /** When ACQUIRE_TIMEOUT passes, by {@link System#nanoTime()}: read before queueing, so not in queue order. */
        final long deadline;
        volatile Physical granted;
        volatile boolean mayOpen;

        Waiter(Wrapper wrapper, long deadline) {
            this.wrapper = wrapper;
            this.deadline = deadline;
        }

        boolean served() {
            return granted != null || mayOpen;
        }
    }

    Pool(Engine engine, int index, DatabaseSettings settings, Backend backend, CredentialsSupplier credentials) {
        this.engine = engine;
        this.credentials = credentials;
        this.index = index;
        this.settings = settings;
        this.backend = backend;
        this.server = new ServerWatch(settings, backend, engine.clock);
        this.settle = new Settle(this, engine.listeners);
        this.events = new PoolEvents(settings.alias(), engine.ticker, engine.clock, engine.observers, settings.leakDetectionThreshold()
                .isZero() ? null : new LeakDetector(settings.alias(), settings.leakDetectionThreshold().toNanos(), engine.ticker));
    }

    /** A connection IN_USE by {@code wrapper}, which holds none; timed for those watching. */
    Physical acquire(Wrapper wrapper) throws SQLException {
        long start = events.acquireStart();
        TetherEvents.Acquired event = events.beginAcquire();
        Physical p = take(wrapper);
        events.acquired(wrapper, p, start, event);
        return p;
    }

    private Physical take(Wrapper wrapper) throws SQLException {
        if (shutDown) {
            throw shutDownError();
        }
        if (waiting == 0) { // nobody queued: take what is free without the lock
            Physical p = takeIdle(wrapper.lastGivenBack);
            if (p == null) {
                p = takeParked(wrapper, true);
            }
            if (p != null) {
                return handTo(wrapper, p);
            }
            if (takeSlot()) {
                return open(wrapper);
            }
            p = takeParked(wrapper, false);
            if (p != null) {
                return handTo(wrapper, p);
            }
        }
        return await(wrapper);
    }

    /**
     * A reservoir connection, reserved: {@code preferred} if it is idle (the one the caller gave back last), else the
     * first idle one from a place of the calling thread's own, so threads taking at once do not all compete for the
     * first connection's compare-and-set. Obsolete ones met on the way are closed.
     */
    private Physical takeIdle(Physical preferred) {
        if (preferred != null && preferred.reserve(Physical.IDLE) != 0) {
            CloseReason obsolete = obsolete(preferred);
            if (obsolete == null) {
                return preferred;
            }
            retire(preferred, obsolete);
        }
        Physical[] current = all;
        int n = current.length;
        int start = n == 0 ? 0 : (int) (Thread.currentThread().threadId() % n);
        for (int i = 0; i < n; i++) {
            Physical p = current[start + i < n ? start + i : start + i - n];
            long reserved = p.reserve(Physical.IDLE);
            if (reserved != 0) {
                CloseReason obsolete = obsolete(p);
                if (obsolete == null) {
                    return p;
                }
                retire(p, obsolete);
            }
        }
        return null;
    }

    /**
     * A connection parked by another owner, reserved: with {@code deadOwnersOnly} only those whose thread died
     * (below the cap live threads keep theirs: Django's affinity), otherwise the one idle longest.
     */
    private Physical takeParked(Wrapper wrapper, boolean deadOwnersOnly) {
        while (true) {
            Physical best = reserveParked(wrapper, deadOwnersOnly);
            if (best == null) {
                return null;
            }
            CloseReason obsolete = obsolete(best);
            if (obsolete == null) {
                return best;
            }
            retire(best, obsolete);
        }
    }

    private boolean takeSlot() {
        int n;
        while ((n = slots.get()) < settings.maxConnections()) {
            if (slots.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Binds a reserved connection to its new holder. */
    private Physical handTo(Wrapper wrapper, Physical p) {
        p.holder = wrapper;
        p.heldSince = events.takenAt();
        p.advance(p.stamp(), Physical.IN_USE); // reserved by us: nobody else moves it
        return p;
    }

    /** Queues behind earlier waiters until granted a connection or a slot, or ACQUIRE_TIMEOUT from now passes. */
    private Physical await(Wrapper wrapper) throws SQLException {
        Waiter me = new Waiter(wrapper, System.nanoTime() + settings.acquireTimeout().toNanos());
        List<Physical> toRetire = new ArrayList<>();
        lock.lock();
        try {
            queue.addLast(me);
            // Published before the look below: whoever frees a connection after that look reads it and serves us.
            waiting = queue.size();
            dispatch(toRetire);
        } finally {
            lock.unlock();
        }
        toRetire.forEach(this::retireObsolete);
        while (!me.served()) {
            boolean interrupted = Thread.interrupted();
            if (shutDown || me.deadline - System.nanoTime() <= 0 || interrupted) {
                giveUp(me, interrupted);
                break; // served meanwhile: take it
            }
            LockSupport.park(this); // until granted, interrupted, shut down, or woken by the engine's clock at the deadline
        }
        return me.granted != null ? me.granted : open(wrapper);
    }

    /**
     * The engine's clock, every tick: wakes the waiters whose deadline passed, which then give up. They park without a
     * timeout of their own (see {@link EngineClock}). Every waiter is looked at: the queue is in arrival order, which
     * is not quite deadline order, as a waiter reads the time before it queues for the lock and another that read it
     * later may queue first (a waiter behind it would sleep until the later deadline).
     */
    void wakeTimedOut(long now) {
        if (waiting == 0) {
            return;
        }
        lock.lock();
        try {
            for (Waiter w : queue) {
                if (w.deadline - now <= 0) {
                    LockSupport.unpark(w.thread);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A waiter stops waiting (shut down, interrupted or timed out) unless it was served meanwhile; a timed-out one
     * first has a last look, so no missed hand-over can cost a timeout. Throws why it gave up; returns if served.
     * An interrupt is kept either way.
     */
    private void giveUp(Waiter me, boolean interrupted) throws SQLException {
        boolean timedOut = !shutDown && !interrupted;
        SQLException why = null;
        List<Physical> toRetire = new ArrayList<>();
        lock.lock();
        try {
            if (timedOut) {
                dispatch(toRetire);
            }
            if (!me.served()) {
                why = shutDown ? shutDownError() : interrupted
                        ? new SQLTransientConnectionException("[" + settings.alias()
                                + "] interrupted while waiting for a connection", "08001", new InterruptedException())
                        : exhausted(); // counting itself among the waiters
                queue.remove(me);
                waiting = queue.size();
            }
        } finally {
            lock.unlock();
        }
        toRetire.forEach(this::retireObsolete);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (why != null) {
            if (timedOut) {
                events.timedOut(stats());
            }
            throw why;
        }
    }

    /**
     * Under the lock: serves waiters oldest first with whatever is free — a reservoir connection, a slot under
     * the cap, an idle parked one — until they or the supply run out. Expired connections found on the way go
     * into {@code toRetire}, for the caller to close after unlocking; their slots then serve the next waiters.
     */
    private void dispatch(List<Physical> toRetire) {
        while (!queue.isEmpty()) {
            Waiter head = queue.peekFirst();
            Physical p = null;
            for (Physical candidate : all) {
                if (candidate.reserve(Physical.IDLE) != 0) {
                    p = candidate;
                    break;
                }
            }
            if (p == null) {
                p = reserveParked(head.wrapper, false);
            }
            if (p != null && obsolete(p) != null) {
                toRetire.add(p);
            } else if (p != null) {
                grant(head, p);
            } else if (takeSlot()) {
                grantSlot(head);
            } else {
                break;
            }
        }
        waiting = queue.size();
    }

    /** The parked connection idle longest that {@link #takeParked} may take, reserved; null if none is left. */
    private Physical reserveParked(Wrapper wrapper, boolean deadOwnersOnly) {
        while (true) {
            Physical best = null;
            long bestStamp = 0;
            for (Physical p : all) {
                long s = p.stamp();
                Wrapper holder = p.holder;
                if (Physical.state(s) == Physical.PARKED && holder != null && holder != wrapper
                        && (!deadOwnersOnly || holder.ownerGone())
                        && (best == null || p.lastReleased - best.lastReleased < 0)) {
                    best = p;
                    bestStamp = s;
                }
            }
            if (best == null || best.advance(bestStamp, Physical.RESERVED) != 0) {
                return best;
            }
            // Its owner took it back or another taker moved first: look again, another may be parked.
        }
    }

    /** Under the lock: the head of the queue gets {@code reserved}. */
    private void grant(Waiter head, Physical reserved) {
        queue.pollFirst();
        head.granted = handTo(head.wrapper, reserved);
        LockSupport.unpark(head.thread);
    }

    /** Under the lock: the head of the queue may open a connection in a slot taken for it. */
    private void grantSlot(Waiter head) {
        queue.pollFirst();
        head.mayOpen = true;
        LockSupport.unpark(head.thread);
    }

    /** Opens a connection in a slot already taken, IN_USE by {@code wrapper}. */
    private Physical open(Wrapper wrapper) throws SQLException {
        long id = nextId.getAndIncrement();
        Connection jdbc = null;
        Physical p = null;
        boolean added = false;
        PoolEvents.Opening opening = events.opening();
        try {
            jdbc = backend.connect(credentials == null ? settings : settings.withCredentials(credentials.credentials(settings)));
            server.opened(jdbc);
            backend.initialize(jdbc, settings);
            if (id == 1) {
                ServerLimitCheck.warnIfCapTooLarge(settings, backend, jdbc);
            }
            p = Physical.of(id, settings.alias(), jdbc, engine.closeAt(settings), settings.autocommit());
            if (p.closeAt != Physical.NEVER && !opensAging) {
                opensAging = true;
            }
            p.holder = wrapper;
            p.heldSince = events.takenAt();
            added = add(p);
        } catch (SQLException e) {
            throw connectFailure(e);
        } finally {
            if (!added) {
                if (jdbc != null) {
                    closeDiscarded(jdbc);
                }
                freeSlot(); // whatever happened, including an Error from a driver, the slot is settled here
            }
        }
        if (!added) {
            throw shutDownError();
        }
        LOG.log(Level.DEBUG, () -> "[" + settings.alias() + "] opened connection #" + id);
        engine.listeners.connectionCreated(p.event);
        events.opened(p, opening);
        return p;
    }

    private boolean add(Physical p) {
        lock.lock();
        try {
            if (shutDown) {
                return false;
            }
            Physical[] grown = Arrays.copyOf(all, all.length + 1);
            grown[all.length] = p;
            all = grown;
            opened.incrementAndGet();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void freeSlot() {
        slots.decrementAndGet();
        if (waiting > 0) {
            List<Physical> toClose = new ArrayList<>();
            lock.lock();
            try {
                dispatch(toClose);
            } finally {
                lock.unlock();
            }
            toClose.forEach(this::retireObsolete);
        }
    }

    private static void closeDiscarded(Connection jdbc) {
        try {
            jdbc.close();
        } catch (SQLException | RuntimeException ignored) {
            // The connection is being discarded; the original failure is what matters.
        }
    }

    private SQLException connectFailure(SQLException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("[" + settings.alias() + "]")) {
            return e;
        }
        String target = (settings.host().isEmpty() ? "localhost" : settings.host()) + ":"
                + (settings.port() == 0 ? backend.defaultPort() : settings.port());
        String explanation = backend.explainConnectFailure(e).map(s -> " " + s).orElse("");
        return new SQLNonTransientConnectionException("[" + settings.alias() + "] cannot connect to " + settings.engine()
                + " database '" + settings.name() + "' at " + target + " as user '" + settings.user() + "': "
                + sentence(e.getMessage()) + explanation, e.getSQLState(), e.getErrorCode(), e);
    }

    private static String sentence(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.endsWith(".") ? stripped : stripped + ".";
    }

    private SQLException shutDownError() {
        return new SQLNonTransientConnectionException(
                "[" + settings.alias() + "] Tether is shut down; no new connections are handed out", "08003");
    }

    private SQLException exhausted() {
        PoolStats s = stats();
        return new SQLTransientConnectionException("[" + settings.alias() + "] no connection within "
                + settings.acquireTimeout().toMillis() + " ms (open=" + s.open() + " of cap " + s.cap() + ", in use="
                + s.inUse() + ", parked=" + s.parked() + ", waiting=" + s.waiting() + "; " + holders()
                + "); raise MAX_CONNECTIONS, shorten the work done while holding a connection, or raise ACQUIRE_TIMEOUT",
                "08001");
    }

    /** Who holds the connections, longest first: what an operator needs to find a leak. */
    private String holders() {
        long now = engine.ticker.nanos();
        record Held(Physical p, Wrapper holder, long since) {
        }
        List<String> held = Arrays.stream(all)
                .filter(p -> p.state() == Physical.IN_USE)
                .map(p -> new Held(p, p.holder, p.heldSince)) // read once: its holder may let go meanwhile
                .filter(h -> h.holder() != null)
                .sorted(Comparator.comparingLong(Held::since))
                .limit(5)
                .map(h -> "#" + h.p().id + " held by " + h.holder().owner.describe() + " for "
                        + TimeUnit.NANOSECONDS.toMillis(now - h.since()) + " ms")
                .toList();
        return held.isEmpty() ? "no holder in use" : String.join(", ", held);
    }

    /**
     * Whether settling {@code p} would make a round trip or close it: what a unit ending on a thread that must not
     * block leaves to a thread that may.
     */
    boolean settleBlocks(Physical p, boolean checkAge) {
        return shutDown || settle.blocks(p, checkAge);
    }

    /**
     * Settles a connection its holder reserved and either parks it for {@code parkWith} (its stamp returned) or
     * gives it to the longest waiter or the reservoir (0 returned), or closes it (0). Max age is checked at a
     * unit's end and before a connection goes to someone else; one parked between handles keeps it until then.
     * Without {@code mayBlock} (an event loop, for a connection {@link #settleBlocks} said settles without a round
     * trip) whatever turns out to need one after all — a close, as shutdown or max age came meanwhile, or waiters
     * to serve — runs on a thread of the engine's.
     */
    long release(Physical p, long reserved, Wrapper parkWith, boolean unitEnds, boolean mayBlock) {
        events.released(p);
        CloseReason reason = shutDown ? CloseReason.SHUTDOWN : settle.settle(p, unitEnds || parkWith == null);
        if (reason != null) {
            if (mayBlock) {
                retire(p, reason);
            } else {
                engine.runBlocking(() -> retire(p, reason));
            }
            return 0;
        }
        p.fresh = false;
        p.lastReleased = engine.clock.nanos();
        if (parkWith != null) {
            long parked = Physical.stamp(reserved >>> 3, Physical.PARKED);
            if (!p.move(reserved, parked)) {
                return 0; // shutdown closed it meanwhile
            }
            if (waiting > 0 || shutDown) {
                serveWaiters(); // at the cap, a parked connection is what a waiter reclaims
            }
            return parked;
        }
        giveBack(p, reserved, mayBlock);
        return 0;
    }

    /** A clean, reserved connection goes to the longest waiter, else to the reservoir. */
    private void giveBack(Physical p, long reserved, boolean mayBlock) {
        p.holder = null;
        if (waiting > 0) {
            lock.lock();
            try {
                Waiter head = queue.peekFirst();
                if (head != null) {
                    grant(head, p);
                    waiting = queue.size();
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
        if (p.advance(reserved, Physical.IDLE) != 0 && (waiting > 0 || shutDown)) {
            // A waiter that queued after our look above finds the connection in its own dispatch, or we serve it here.
            if (mayBlock) {
                serveWaiters();
            } else {
                engine.runBlocking(this::serveWaiters); // it may close obsolete connections, or all at shutdown
            }
        }
    }

    private void serveWaiters() {
        if (shutDown) {
            closeIdleAndParked();
            return;
        }
        List<Physical> toClose = new ArrayList<>();
        lock.lock();
        try {
            dispatch(toClose);
        } finally {
            lock.unlock();
        }
        toClose.forEach(this::retireObsolete);
    }

    /**
     * Closes a connection its caller reserved (or holds IN_USE with no call in flight), then frees its slot: the
     * server never sees more than the cap, even while one closes and another opens.
     */
    void retire(Physical p, CloseReason reason) {
        closeJdbc(p, reason);
        List<Physical> toRetire = new ArrayList<>();
        lock.lock();
        try {
            if (forget(p)) {
                slots.decrementAndGet();
                dispatch(toRetire);
            }
        } finally {
            lock.unlock();
        }
        toRetire.forEach(this::retireObsolete);
    }

    /** Under the lock: takes {@code p} off the list; true if it was there. */
    private boolean forget(Physical p) {
        Physical[] current = all;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == p) {
                Physical[] shrunk = new Physical[current.length - 1];
                System.arraycopy(current, 0, shrunk, 0, i);
                System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
                all = shrunk;
                closed.incrementAndGet();
                return true;
            }
        }
        return false;
    }

    private void closeJdbc(Physical p, CloseReason reason) {
        if (!p.markClosed()) {
            return;
        }
        p.holder = null;
        try {
            p.jdbc.close();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "[" + settings.alias() + "] closing connection #" + p.id + " failed: " + e.getMessage());
        }
        LOG.log(Level.DEBUG, () -> "[" + settings.alias() + "] closed connection #" + p.id + " (" + reason + ")");
        engine.listeners.connectionClosed(p.event, reason);
        events.closed(p, reason);
    }

    /** Reads the clock only for connections that can expire. */
    boolean expiredNow(Physical p) {
        return p.closeAt != Physical.NEVER && p.expired(engine.clock.nanos());
    }

    /** Whether {@link #obsolete} may say anything but null of a connection: when not, nothing parked need be looked at. */
    boolean connectionsMayTurnObsolete() {
        return opensAging || server.mayTurnObsolete();
    }

    /** Why a released connection must not be handed out again (max age, the server's restart or idle limit), or null. */
    CloseReason obsolete(Physical p) {
        return expiredNow(p) ? CloseReason.MAX_AGE : server.obsolete(p);
    }

    private void retireObsolete(Physical p) {
        CloseReason reason = obsolete(p);
        retire(p, reason == null ? CloseReason.MAX_AGE : reason);
    }

    /** An error on {@code p} said the server went away: the connections opened before now retire at their next use. */
    void serverGone(Physical p, SQLException error) {
        server.serverGone(nextId.get(), p.id, error);
    }

    /**
     * The reaper's pass: closes reservoir and parked connections past their max age or idle too long, and takes
     * back the connections of owners whose thread died — parked ones at once, ones in use once no call on them is
     * in flight (a handle passed to a thread that lives on keeps it until its call returns).
     */
    void reap() {
        events.checkLeaks();
        long now = engine.clock.nanos();
        long idleNanos = settings.idleTimeout().toNanos();
        for (Physical p : all) {
            long s = p.stamp();
            int state = Physical.state(s);
            if (state != Physical.IDLE && state != Physical.PARKED && state != Physical.IN_USE) {
                continue;
            }
            Wrapper holder = p.holder;
            CloseReason aged = p.expired(now) ? CloseReason.MAX_AGE
                    : state == Physical.IN_USE ? null
                    : now - p.lastReleased >= idleNanos ? CloseReason.IDLE : server.obsolete(p);
            boolean ownerGone = holder != null && holder.ownerGone();
            if (state == Physical.IN_USE && (!ownerGone || p.inFlight() != 0)) {
                continue;
            }
            if (state != Physical.IN_USE && aged == null && !(state == Physical.PARKED && ownerGone)) {
                continue;
            }
            long reserved = p.advance(s, Physical.RESERVED);
            if (reserved == 0) {
                continue; // its holder or a taker moved first
            }
            if (state == Physical.IN_USE) {
                p.awaitNoCallsInFlight();
                release(p, reserved, null, true, true);
            } else if (aged != null) {
                retire(p, aged);
            } else {
                giveBack(p, reserved, true); // parked ones were settled when parked
            }
        }
    }

    /**
     * Closes every connection: idle and parked ones now, ones in use when their holder lets go. Past
     * {@code graceNanos} those still in use are aborted ({@link Connection#abort}), which ends their calls on
     * every driver, and closed.
     */
    void shutdown(long graceNanos) {
        lock.lock();
        try {
            shutDown = true;
            queue.forEach(w -> LockSupport.unpark(w.thread));
        } finally {
            lock.unlock();
        }
        closeIdleAndParked();
        long deadline = System.nanoTime() + graceNanos;
        while (all.length > 0 && deadline - System.nanoTime() > 0) {
            closeIdleAndParked();
            try {
                Thread.sleep(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()), 10)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Physical p : all) {
            abort(p);
        }
        for (Physical p : all) {
            long s = p.stamp();
            if (Physical.state(s) == Physical.IN_USE && p.advance(s, Physical.RESERVED) != 0) {
                long until = System.nanoTime() + DRAIN_AFTER_ABORT_NANOS;
                while (p.inFlight() != 0 && until - System.nanoTime() > 0) {
                    Thread.onSpinWait();
                    Thread.yield();
                }
                retire(p, CloseReason.SHUTDOWN);
            }
            // One RESERVED by another party (a holder settling it) is closed by that party, which sees the shutdown.
        }
    }

    private void closeIdleAndParked() {
        for (Physical p : all) {
            if (p.reserve(Physical.IDLE) != 0 || p.reserve(Physical.PARKED) != 0) {
                retire(p, CloseReason.SHUTDOWN);
            }
        }
    }

    /** Cancels the statement running on {@code p} on the server (the driver's own way), then aborts the connection. */
    private void abort(Physical p) {
        java.sql.Statement running = p.executing();
        if (running != null) {
            try {
                running.cancel();
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.DEBUG, () -> "[" + settings.alias() + "] cancelling on connection #" + p.id + " failed: "
                        + e.getMessage());
            }
        }
        try {
            p.jdbc.abort(engine.blockingWork);
            LOG.log(Level.WARNING, "[" + settings.alias() + "] connection #" + p.id + " was still in use when the "
                    + "shutdown timeout ended; it was aborted");
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "[" + settings.alias() + "] aborting connection #" + p.id + " failed: " + e.getMessage());
        }
    }

    /** Once per alias: a handle used outside any unit of work gets no one-session promise. */
    void warnOutsideUnit() {
        if (!warnedOutsideUnit.get() && warnedOutsideUnit.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "[" + settings.alias() + "] a connection was used outside a unit of work (no "
                    + "requestStarted() or begin()); each time its last handle is closed outside a transaction it goes "
                    + "back, so successive handles may get different sessions. Wrap the work in tether.begin() (or an "
                    + "adapter's request) to keep one session for it.");
        }
    }

    boolean isShutDown() {
        return shutDown;
    }

    PoolStats stats() {
        int inUse = 0;
        int parked = 0;
        int idle = 0;
        Physical[] current = all;
        for (Physical p : current) {
            switch (p.state()) {
                case Physical.IN_USE, Physical.RESERVED -> inUse++;
                case Physical.PARKED -> parked++;
                case Physical.IDLE -> idle++;
                default -> {
                }
            }
        }
        return new PoolStats(settings.alias(), settings.maxConnections(), current.length, inUse, parked, idle, waiting,
                opened.get(), closed.get());
    }
}
