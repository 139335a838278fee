package dev.tether.api;

/** Base of every unchecked error Tether raises; its message names the alias and says how to fix it. */
public class TetherException extends RuntimeException {
    /**
     * An error without a cause.
     *
     * @param message names the alias and says how to fix the problem
     */
    public TetherException(String message) {
        super(message);
    }

    /**
     * An error caused by another.
     *
     * @param message names the alias and says how to fix the problem
     * @param cause   what went wrong underneath
     */
    public TetherException(String message, Throwable cause) {
        super(message, cause);
    }
}
