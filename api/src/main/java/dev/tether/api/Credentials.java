package dev.tether.api;

import java.util.Objects;

/**
 * A user and password (or token) to open one physical connection with. {@link #toString()} never shows the
 * password.
 *
 * @param user     the user name, "" for the driver's default
 * @param password the password or token, "" for none
 */
public record Credentials(String user, String password) {
    /**
     * Replaces null with "".
     *
     * @param user     the user name
     * @param password the password or token
     */
    public Credentials {
        user = Objects.requireNonNullElse(user, "");
        password = Objects.requireNonNullElse(password, "");
    }

    /**
     * The user, with the password masked.
     *
     * @return a description without the password
     */
    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=" + (password.isEmpty() ? "" : "****") + "]";
    }
}
