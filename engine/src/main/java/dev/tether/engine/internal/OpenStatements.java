package dev.tether.engine.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.CallableStatement;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The statements (and metadata result sets) handed out on one physical connection and not yet closed, so
 * that {@link #closeAll()} can close what a request left open before the connection serves the next one: a
 * persistent connection must not grow with every request (MySQL's driver keeps every open statement).
 * <p>
 * The list is intrusive: each {@link Entry} is its own node, so tracking allocates nothing and removal is
 * O(1) in whatever order statements are closed. Result sets made by a statement are not listed: closing
 * the statement closes them (JDBC's rule), which keeps the per-query path free of the lock. A statement
 * the driver closes by itself ({@code closeOnCompletion}) stays listed until the release, where closing it
 * again is harmless.
 * <p>
 * The list changes under its lock because a statement may be closed on another thread than the one that
 * releases the connection (a thread that allowed sharing, a timeout closing it). The lock is a spin lock: it
 * guards a few field writes and never a call into the driver, and taking and leaving it costs one atomic
 * instruction where a monitor costs two, on every statement opened and closed.
 */
final class OpenStatements {
    private static final VarHandle LOCKED;
    private static final int SPINS_BEFORE_YIELD = 64;

    static {
        try {
            LOCKED = MethodHandles.lookup().findVarHandle(OpenStatements.class, "locked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Entry head;
    private int size;
    private volatile boolean locked;

    /** What {@link OpenStatements} lists: a node that knows how to close the driver's object. */
    abstract static class Entry {
        private Entry previous;
        private Entry next;
        private OpenStatements listedIn;

        /** Closes the driver's object, ignoring any error: the connection is being cleaned, not used. */
        abstract void closeDriverObjectQuietly();

        /** Leaves the list it is in, if any; called when the user closes it. */
        final void unlist() {
            // Read without the lock: set before the entry is handed out and only cleared afterwards, so a
            // stale value is at worst a list it has left, which remove() rechecks under the lock.
            OpenStatements list = listedIn;
            if (list != null) {
                list.remove(this);
            }
        }
    }

    /** Wraps what a connection created in the delegate of its type, listing it if it can be left open. */
    <T> T track(T created, Class<T> type, ConnectionView view) {
        if (created == null) {
            return null;
        }
        Object wrapped;
        if (type == Statement.class) {
            wrapped = add(new TrackedStatement<>((Statement) created, view));
        } else if (type == PreparedStatement.class) {
            wrapped = add(new TrackedPreparedStatement<>((PreparedStatement) created, view));
        } else if (type == CallableStatement.class) {
            wrapped = add(new TrackedCallableStatement((CallableStatement) created, view));
        } else if (type == DatabaseMetaData.class) {
            wrapped = new TrackedMetaData((DatabaseMetaData) created, view, this); // lists the result sets it makes
        } else {
            throw new IllegalArgumentException("no delegate for " + type.getName());
        }
        return type.cast(wrapped);
    }

    <E extends Entry> E add(E added) {
        Entry entry = added; // a type variable's members cannot be reached, even in the declaring class
        lock();
        try {
            entry.listedIn = this;
            entry.next = head;
            if (head != null) {
                head.previous = entry;
            }
            head = entry;
            size++;
        } finally {
            unlock();
        }
        return added;
    }

    /** Forgets an entry that was closed; a no-op if it is not listed (any more). */
    void remove(Entry entry) {
        lock();
        try {
            if (entry.listedIn != this) {
                return;
            }
            if (entry.previous != null) {
                entry.previous.next = entry.next;
            } else {
                head = entry.next;
            }
            if (entry.next != null) {
                entry.next.previous = entry.previous;
            }
            entry.previous = null;
            entry.next = null;
            entry.listedIn = null;
            size--;
        } finally {
            unlock();
        }
    }

    /**
     * Closes every statement and result set still open, quietly, and forgets them all. Called by whoever reserved
     * the connection, once no call on it is in flight: a statement is listed inside the call that made it, counted
     * in flight ({@link ConnectionView#enter}), and a metadata result set by the holder that asked for it, before
     * it let go; both happen before the reservation, so an empty list is seen as empty without the lock (the common
     * case: a request that closed what it opened). The driver's objects are closed after the lock is left.
     */
    void closeAll() {
        if (head == null) {
            return;
        }
        Entry first;
        lock();
        try {
            first = head;
            head = null;
            size = 0;
            for (Entry entry = first; entry != null; entry = entry.next) {
                entry.listedIn = null; // a close on another thread now leaves the links to us
            }
        } finally {
            unlock();
        }
        Entry entry = first;
        while (entry != null) {
            Entry following = entry.next;
            entry.previous = null;
            entry.next = null;
            entry.closeDriverObjectQuietly();
            entry = following;
        }
    }

    int size() {
        lock();
        try {
            return size;
        } finally {
            unlock();
        }
    }

    private void lock() {
        for (int spins = 0; !LOCKED.compareAndSet(this, false, true); spins++) {
            if (spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // its holder was descheduled in those few writes: let it run
            }
        }
    }

    private void unlock() {
        LOCKED.setRelease(this, false);
    }
}
