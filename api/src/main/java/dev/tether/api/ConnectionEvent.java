package dev.tether.api;

/**
 * One physical connection, as the signals report it.
 *
 * @param alias        the database alias
 * @param connectionId the engine's number for the physical connection, unique per alias
 */
public record ConnectionEvent(String alias, long connectionId) {
}
