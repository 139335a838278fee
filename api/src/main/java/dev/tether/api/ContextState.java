package dev.tether.api;

/** The engine's state for one context, opaque to whoever stores it. */
public interface ContextState {
}
