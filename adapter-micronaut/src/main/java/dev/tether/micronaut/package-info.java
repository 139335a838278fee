/**
 * Binds Micronaut 5 to Tether: {@code tether.databases.<alias>.*} configuration, the {@link
 * dev.tether.engine.Tether} engine and per-alias {@code DataSource} / {@link dev.tether.micronaut.TetherDatabase}
 * beans, one unit of work per HTTP request (carried across thread hops in Micronaut's propagated
 * context), and {@link dev.tether.micronaut.UnitOfWork @UnitOfWork} for work outside HTTP. The
 * lifecycle rules themselves are the engine's.
 */
package dev.tether.micronaut;
