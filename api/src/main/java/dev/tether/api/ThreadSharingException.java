package dev.tether.api;

/** A thread-bound wrapper was used from another thread without sharing being allowed. */
public final class ThreadSharingException extends TetherException {
    /**
     * The error.
     *
     * @param message names the alias, both threads and how to allow sharing
     */
    public ThreadSharingException(String message) {
        super(message);
    }
}
