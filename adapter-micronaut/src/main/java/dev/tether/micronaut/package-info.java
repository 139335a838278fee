/**
 * Binds Micronaut 5 to Tether: {@code tether.databases.<alias>.*} configuration, the {@link
 * dev.tether.engine.Tether} engine and per-alias {@code DataSource} / {@link dev.tether.micronaut.TetherDatabase}
 * beans, one unit of work per HTTP request (carried across thread hops in Micronaut's propagated
 * context), and {@link dev.tether.micronaut.UnitOfWork @UnitOfWork} for work outside HTTP. The
 * lifecycle rules themselves are the engine's.
 *
 * <p>Each HTTP request is a context of its own, so {@code persistence: context} is the setting to use:
 * a request's connection goes back to the alias's reservoir as soon as the request closes it, and the
 * next request (on any thread, virtual threads included) reuses it.
 */
package dev.tether.micronaut;
