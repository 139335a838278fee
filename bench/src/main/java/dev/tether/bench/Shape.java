package dev.tether.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What one request does with the database. */
public enum Shape {
    /** One handle, {@code --queries-per-request} round trips of {@code SELECT 1}, closed: the connection is busy throughout. */
    SELECT("select"),
    /**
     * {@code --steps} queries, each on a handle of its own (as {@code JdbcTemplate} or JDBI open one per
     * statement), with {@code --work} of other, non-database work between two of them (a call to another
     * service, modelled by a sleep). Holding the connection for the whole request (RELEASE=unit) leaves it
     * idle during the work; RELEASE=transaction and a pool borrowed per query hand it back meanwhile.
     */
    STEPS("steps");

    private final String label;

    Shape(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Shape parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Shape shape : values()) {
            if (shape.label.equals(wanted)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown shape '" + text.strip() + "'; use any of "
                + Arrays.stream(values()).map(Shape::label).collect(Collectors.joining(", ")));
    }
}
