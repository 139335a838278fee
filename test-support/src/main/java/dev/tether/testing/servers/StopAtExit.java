package dev.tether.testing.servers;

/** A fixture's stop action, run by {@link #stopNow()} or, if the test never gets there, when the JVM exits. */
final class StopAtExit {
    private final Runnable stop;
    private final Thread hook;

    StopAtExit(String name, Runnable stop) {
        this.stop = stop;
        this.hook = new Thread(stop, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void stopNow() {
        stop.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is shutting down and runs the hook itself
        }
    }
}
