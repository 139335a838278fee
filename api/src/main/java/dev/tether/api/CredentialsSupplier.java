package dev.tether.api;

import java.sql.SQLException;

/**
 * Gives the credentials for each new physical connection of an alias: a rotated password read from a secret
 * store, or a freshly minted token (AWS RDS IAM, Azure AD, Vault). Asked on the thread that opens the connection,
 * once per connection, never for connections already open; set CREDENTIAL_LIFETIME to the token's lifetime so
 * connections retire before it ends.
 */
@FunctionalInterface
public interface CredentialsSupplier {
    /**
     * The credentials to open a connection with now.
     *
     * @param settings the alias's settings, with the USER and PASSWORD it was configured with
     * @return the user and password (or token) for one new connection
     * @throws SQLException when none can be had; opening the connection then fails with it
     */
    Credentials credentials(DatabaseSettings settings) throws SQLException;
}
