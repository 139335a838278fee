package dev.tether.vertx.internal;

import dev.tether.api.TetherException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.core.spi.context.storage.ContextLocal;

/**
 * Tether's slot in every Vert.x context. Vert.x fixes the set of context locals when a {@link Vertx} is
 * created, after loading its {@link VertxServiceProvider}s: registering in this provider's class
 * initialiser is what makes the slot exist whichever comes first in the application, this adapter or Vert.x.
 */
public final class ContextLocals implements VertxServiceProvider {
    // Duplicates of a request's context (tracing, nested work) share the request's bindings: identity duplicator.
    static final ContextLocal<Bindings> LOCAL = ContextLocal.registerLocal(Bindings.class);

    /** For {@link java.util.ServiceLoader}. */
    public ContextLocals() {
    }

    @Override
    public void init(VertxBootstrap builder) {
        // The slot was registered when this class was initialised; nothing to configure.
    }

    /** Forces the registration; harmless when it already happened. */
    public static void register() {
        // Calling a static method runs the class initialiser once.
    }

    /** Fails now, with the fix, if {@code vertx} was created without Tether's slot. */
    public static void check(Vertx vertx) {
        bindings(vertx.getOrCreateContext(), false);
    }

    static Bindings bindings(Context context, boolean create) {
        try {
            return create ? LOCAL.get(context, Bindings::new) : LOCAL.get(context);
        } catch (IllegalArgumentException e) {
            throw new TetherException("This Vert.x instance was created without Tether's context slot: Vert.x did not "
                    + "load " + ContextLocals.class.getName() + " through META-INF/services/"
                    + VertxServiceProvider.class.getName() + " before it started. Keep tether-adapter-vertx on the "
                    + "class or module path of the code that creates Vert.x, or call TetherVertx.register() before "
                    + "Vertx.vertx()", e);
        }
    }
}
