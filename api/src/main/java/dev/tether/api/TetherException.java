package dev.tether.api;

/** Base of every unchecked error Tether raises; its message names the alias and says how to fix it. */
public class TetherException extends RuntimeException {
    public TetherException(String message) {
        super(message);
    }

    public TetherException(String message, Throwable cause) {
        super(message, cause);
    }
}
