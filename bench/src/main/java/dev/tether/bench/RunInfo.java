package dev.tether.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a run's figures depend on besides the modes: the target, the flags, and how busy the machine was
 * (the 1-minute load average before and after, -1 where the OS does not say). A load above the core
 * count before the run means other processes were competing with it, so its ratios are less trustworthy;
 * the load after includes the run's own clients and server processes.
 */
record RunInfo(String target, Options options, int cores, double loadBefore, double loadAfter) {

    RunInfo withLoadAfter() {
        return new RunInfo(target, options, cores, loadBefore, loadAverage());
    }

    static RunInfo start(String target, Options options) {
        return new RunInfo(target, options, Runtime.getRuntime().availableProcessors(), loadAverage(), -1);
    }

    /** The 1-minute load average from /proc/loadavg, or -1 where there is none. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A sentence about the machine's load, with a warning when other work competed with the run. */
    String loadNote() {
        if (loadBefore < 0) {
            return "";
        }
        String note = String.format(java.util.Locale.ROOT,
                "Load average (1 min) before the run %.1f on %d cores (after it %.1f, which counts this run's own clients and server)",
                loadBefore, cores, loadAfter);
        return loadBefore > cores ? note + ": other processes were busy before the run started; compare ratios with care"
                : note;
    }
}
