package dev.tether.engine.internal;

/**
 * 128 bytes ahead of a subclass's fields, for the objects every request writes: an owner ({@link Owner}), its
 * wrapper and the wrapper's lock ({@link Wrapper}, {@link WrapperLock}) and a connection ({@link Physical}). Each
 * of them extends this and is made only as a final nested class {@code Padded} that adds another 128 bytes after its
 * fields (HotSpot lays a superclass's fields out first), so its fields share no cache line with any other object.
 * <p>
 * Why: a garbage collection packs long-lived objects side by side, and two threads then wrote, or one wrote and one
 * read, the same cache line. Two threads cycling requests on one engine ran at 4–18 ops/µs from one JVM to the next
 * under G1, and always at 5–10 under the serial collector; padded on both sides, at 20–23 in every JVM
 * (BENCHMARKS.md). One side was not enough: an object's last fields then share a line with whatever follows it.
 */
abstract class Padding {
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    /**
     * Fills the 4 bytes between a 12-byte object header (compressed class pointers, the default) and the first long:
     * left empty, HotSpot puts a subclass's first int or reference there (WrapperLock.state, Physical.inFlight,
     * Owner.engine), ahead of the padding and on the line of whatever object precedes this one.
     */
    @SuppressWarnings("unused")
    private int gap;
}
