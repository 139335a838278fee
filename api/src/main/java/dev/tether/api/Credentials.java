package dev.tether.api;

import java.util.Objects;

/**
 * A user and password (or token) to open one physical connection with. {@link #toString()} never shows the
 * password.
 */
public record Credentials(String user, String password) {
    public Credentials {
        user = Objects.requireNonNullElse(user, "");
        password = Objects.requireNonNullElse(password, "");
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=" + (password.isEmpty() ? "" : "****") + "]";
    }
}
