package dev.tether.api;

/** A thread-bound wrapper was used from another thread without sharing being allowed. */
public final class ThreadSharingException extends TetherException {
    public ThreadSharingException(String message) {
        super(message);
    }
}
