package dev.tether.spi;

/** What an {@link java.sql.SQLException} means for the connection it came from; the engine acts on it. */
public enum ErrorClass {
    /** Bad data (SQLSTATE class 22): the connection is fine and kept. */
    DATA,
    /** A constraint was violated (class 23): the connection is fine and kept. */
    INTEGRITY,
    /** Serialization failure or deadlock: retry the transaction; the connection is kept. */
    TRANSIENT,
    /** The connection is gone (I/O failure, server shutdown, session killed): it is discarded at the request boundary without a check. */
    BROKEN,
    /** Anything else (Django's rule): the connection is checked with {@link Backend#isUsable} at the request boundary. */
    OTHER
}
