package dev.tether.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/** The reference pool: HikariCP with {@code cap} connections; each request borrows one for its queries. */
final class HikariWorkload implements Workload {
    private final CountingDataSource counting;
    private final HikariDataSource pool;
    private final int queries;

    HikariWorkload(Target target, int cap, int queries) {
        this.counting = new CountingDataSource(target::connect);
        this.queries = queries;
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench");
        config.setDataSource(counting);
        config.setMaximumPoolSize(cap);
        config.setMinimumIdle(cap);
        config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
        this.pool = new HikariDataSource(config);
    }

    @Override
    public ThreadFactory threads() {
        return Thread.ofPlatform().name("hikari-", 0).factory();
    }

    @Override
    public Client client() {
        return () -> {
            try (Connection c = pool.getConnection()) {
                Workload.selectOne(c, queries);
            }
        };
    }

    @Override
    public long connects() {
        return counting.connects();
    }

    @Override
    public void close() {
        pool.close();
    }
}
