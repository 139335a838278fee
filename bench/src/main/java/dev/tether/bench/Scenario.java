package dev.tether.bench;

import dev.tether.api.Release;

/**
 * One measured run of the load demo: a mode serving one request shape; for Tether's modes, with one
 * RELEASE setting (null for the others, which have no such setting).
 */
public record Scenario(Mode mode, Shape shape, Release release) {

    public Scenario {
        if (mode.tether() != (release != null)) {
            throw new IllegalArgumentException(mode.label() + (mode.tether() ? " needs" : " has no") + " RELEASE setting");
        }
    }

    static Scenario of(Mode mode, Shape shape) {
        return new Scenario(mode, shape, mode.tether() ? Release.UNIT : null);
    }

    /** {@code context}, or {@code context release=transaction} when the release is not the default. */
    public String label() {
        return release == null || release == Release.UNIT ? mode.label()
                : mode.label() + " release=" + releaseLabel();
    }

    /** The RELEASE setting in lower case, or "-" for modes that have none. */
    public String releaseLabel() {
        return release == null ? "-" : release.name().toLowerCase(java.util.Locale.ROOT);
    }
}
