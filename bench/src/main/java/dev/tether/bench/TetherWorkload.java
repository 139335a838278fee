package dev.tether.bench;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.engine.Tether;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * Tether in one of its modes. Every request is {@code requestStarted}, the queries on
 * {@code tether.connection(alias)}, {@code requestFinished} — what an adapter does around a handler.
 */
final class TetherWorkload implements Workload {
    static final String ALIAS = "default";

    private final Tether tether;
    private final ThreadFactory threads;
    private final int queries;

    private TetherWorkload(Tether tether, ThreadFactory threads, int queries) {
        this.tether = tether;
        this.threads = threads;
        this.queries = queries;
    }

    static TetherWorkload of(Mode mode, Target target, Options options) {
        DatabaseSettings.Builder settings = target.settings().toBuilder();
        switch (mode) {
            case PER_REQUEST -> settings.maxAge(Duration.ZERO).persistence(Persistence.THREAD)
                    .maxConnections(options.clients());
            case THREAD -> settings.maxAge(DatabaseSettings.UNLIMITED).persistence(Persistence.THREAD)
                    .maxConnections(options.clients());
            case CONTEXT -> settings.maxAge(DatabaseSettings.UNLIMITED).persistence(Persistence.CONTEXT)
                    .maxConnections(options.cap());
            default -> throw new IllegalArgumentException(mode + " is not a Tether mode");
        }
        Tether tether = Tether.builder().database(settings.build()).build();
        ThreadFactory threads = mode == Mode.CONTEXT
                // each virtual thread is one context: its connection goes back to the reservoir after each use
                ? tether.contextThreadFactory(Thread.ofVirtual().name("context-", 0).factory())
                : Thread.ofPlatform().name(mode.label() + "-", 0).factory();
        return new TetherWorkload(tether, threads, options.queriesPerRequest());
    }

    @Override
    public ThreadFactory threads() {
        return threads;
    }

    @Override
    public Client client() {
        return () -> {
            tether.requestStarted();
            try (Connection c = tether.connection(ALIAS)) {
                Workload.selectOne(c, queries);
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
