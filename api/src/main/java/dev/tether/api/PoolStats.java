package dev.tether.api;

/**
 * One alias's physical connections at a moment.
 *
 * @param alias     the database alias
 * @param cap       MAX_CONNECTIONS, the most connections the alias may open
 * @param open      physical connections open now (never more than the cap)
 * @param inUse     held by a thread or context for its current work
 * @param parked    kept by a thread between its requests (thread persistence)
 * @param reservoir idle, waiting for the next context
 * @param waiting   callers waiting for a connection at the cap
 * @param opened    physical connections opened since start
 * @param closed    physical connections closed since start
 */
public record PoolStats(String alias, int cap, int open, int inUse, int parked, int reservoir, int waiting,
                        long opened, long closed) {
}
