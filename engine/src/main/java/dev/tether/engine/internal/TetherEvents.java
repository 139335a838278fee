package dev.tether.engine.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;
import jdk.jfr.Timespan;

/**
 * Tether's JDK Flight Recorder events, named {@code dev.tether.*}. Only the timeout and leak events carry stack
 * traces. Callers check {@link EventType#isEnabled()} on the cached types before building an event, so a
 * recording that leaves them off costs a field read and allocates nothing.
 */
final class TetherEvents {
    static final EventType ACQUIRED = EventType.getEventType(Acquired.class);
    static final EventType RELEASED = EventType.getEventType(Released.class);
    static final EventType OPENED = EventType.getEventType(Opened.class);
    static final EventType CLOSED = EventType.getEventType(Closed.class);
    static final EventType HEALTH_CHECK = EventType.getEventType(HealthCheck.class);
    static final EventType ROLLED_BACK = EventType.getEventType(RolledBack.class);
    static final EventType TIMEOUT = EventType.getEventType(AcquireTimeout.class);
    static final EventType LEAK = EventType.getEventType(Leak.class);

    private TetherEvents() {
    }

    @Category("Tether")
    @StackTrace(false)
    abstract static class ConnectionEvent extends Event {
        @Label("Alias")
        String alias;
        @Label("Connection")
        @Description("Tether's number for the physical connection, as in its log lines (#id)")
        long connection;
    }

    /** Off below 20 ms by default, like the JDK's monitor and socket events: one per request is a cost of its own. */
    @Name("dev.tether.ConnectionAcquired")
    @Label("Connection Acquired")
    @Description("An owner got a connection; the duration is how long it waited")
    @Threshold("20 ms")
    static final class Acquired extends ConnectionEvent {
        @Label("Holder")
        String holder;
    }

    /** Off by default: one per request; a recording that wants use times enables it. */
    @Name("dev.tether.ConnectionReleased")
    @Label("Connection Released")
    @Description("An owner let its connection go at the end of its unit of work (or transaction)")
    @Enabled(false)
    static final class Released extends ConnectionEvent {
        @Label("Use Time")
        @Timespan
        long useTime;
    }

    @Name("dev.tether.ConnectionOpened")
    @Label("Connection Opened")
    @Description("A physical connection was opened and initialised; the duration is the connect time")
    static final class Opened extends ConnectionEvent {
    }

    @Name("dev.tether.ConnectionClosed")
    @Label("Connection Closed")
    static final class Closed extends ConnectionEvent {
        @Label("Reason")
        String reason;
    }

    @Name("dev.tether.HealthCheck")
    @Label("Health Check")
    @Description("CONN_HEALTH_CHECKS pinged a reused connection; the duration is the ping")
    static final class HealthCheck extends ConnectionEvent {
        @Label("Usable")
        boolean usable;
    }

    @Name("dev.tether.TransactionRolledBack")
    @Label("Transaction Rolled Back")
    @Description("A transaction left open when its unit of work ended was rolled back")
    static final class RolledBack extends ConnectionEvent {
    }

    @Name("dev.tether.AcquireTimeout")
    @Label("Acquire Timeout")
    @Description("A caller waited ACQUIRE_TIMEOUT for a connection and gave up; the stack is the caller's")
    @StackTrace(true)
    static final class AcquireTimeout extends ConnectionEvent {
        @Label("Open")
        int open;
        @Label("Cap")
        int cap;
        @Label("Waiting")
        int waiting;
    }

    @Name("dev.tether.ConnectionLeak")
    @Label("Connection Leak")
    @Description("A connection was in use longer than LEAK_DETECTION_THRESHOLD")
    @StackTrace(true)
    static final class Leak extends ConnectionEvent {
        @Label("Holder")
        String holder;
        @Label("Held For")
        @Timespan
        long heldFor;
        @Label("Acquired At")
        @Description("The stack that took the connection")
        String acquiredAt;
    }

    @Name("dev.tether.Pool")
    @Label("Pool")
    @Description("One alias's connections, every period")
    @Category("Tether")
    @StackTrace(false)
    @Period("5 s")
    static final class PoolSnapshot extends Event {
        @Label("Alias")
        String alias;
        @Label("Cap")
        int cap;
        @Label("Open")
        int open;
        @Label("In Use")
        int inUse;
        @Label("Parked")
        int parked;
        @Label("Reservoir")
        int reservoir;
        @Label("Waiting")
        int waiting;
        @Label("Opened")
        long opened;
        @Label("Closed")
        long closed;
    }
}
