package dev.tether.api;

/** Who keeps a connection between requests. */
public enum Persistence {
    /** Django's model: the connection stays parked with its thread between requests. */
    THREAD,
    /** The connection is bound to a context (request, virtual thread, Vert.x context) while in use and
     * goes back to the alias's reservoir when the context ends, still counting its max age. */
    CONTEXT
}
