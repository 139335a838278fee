package dev.tether.vertx.internal;

import java.util.concurrent.ConcurrentHashMap;

/** What each Tether instance keeps in one Vert.x context; several instances may share a context. */
final class Bindings {
    private final ConcurrentHashMap<VertxContextStorage, Binding> byStorage = new ConcurrentHashMap<>(2);

    Binding get(VertxContextStorage storage) {
        return byStorage.get(storage);
    }

    Binding getOrCreate(VertxContextStorage storage) {
        return byStorage.computeIfAbsent(storage, ignored -> new Binding());
    }
}
