package dev.tether.bench;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.engine.Tether;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * Tether in one of its modes. Every request is {@code requestStarted}, the queries on handles from
 * {@code tether.connection(alias)}, {@code requestFinished} — what an adapter does around a handler.
 */
final class TetherWorkload implements Workload {
    static final String ALIAS = "default";

    private final Tether tether;
    private final ThreadFactory threads;
    private final RequestBody body;

    private TetherWorkload(Tether tether, ThreadFactory threads, RequestBody body) {
        this.tether = tether;
        this.threads = threads;
        this.body = body;
    }

    static TetherWorkload of(Scenario scenario, Target target, int clients, int cap, RequestBody body) {
        Mode mode = scenario.mode();
        DatabaseSettings.Builder settings = target.settings().toBuilder().release(scenario.release());
        switch (mode) {
            case PER_REQUEST -> settings.maxAge(Duration.ZERO).persistence(Persistence.THREAD).maxConnections(clients);
            case THREAD -> settings.maxAge(DatabaseSettings.UNLIMITED).persistence(Persistence.THREAD)
                    .maxConnections(clients);
            case CONTEXT -> settings.maxAge(DatabaseSettings.UNLIMITED).persistence(Persistence.CONTEXT)
                    .maxConnections(cap);
            default -> throw new IllegalArgumentException(mode + " is not a Tether mode");
        }
        Tether tether = Tether.builder().database(settings.build()).build();
        ThreadFactory threads = mode == Mode.CONTEXT
                // each virtual thread is one context; between its requests, its connection waits in the reservoir
                ? tether.contextThreadFactory(Thread.ofVirtual().name("context-", 0).factory())
                : Thread.ofPlatform().name(mode.label() + "-", 0).factory();
        return new TetherWorkload(tether, threads, body);
    }

    @Override
    public ThreadFactory threads() {
        return threads;
    }

    @Override
    public Client client() {
        return () -> {
            tether.requestStarted();
            try {
                return body.run(() -> tether.connection(ALIAS));
            } finally {
                tether.requestFinished();
            }
        };
    }

    @Override
    public long connects() {
        return tether.stats(ALIAS).opened();
    }

    @Override
    public void close() {
        tether.close();
    }
}
