package dev.tether.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * The reference pool: HikariCP with {@code cap} connections; each request borrows one per handle it uses,
 * on platform threads (compared with thread persistence) or virtual threads (compared with context persistence).
 */
final class HikariWorkload implements Workload {
    private final CountingDataSource counting;
    private final HikariDataSource pool;
    private final boolean virtualThreads;
    private final RequestBody body;

    HikariWorkload(Target target, int cap, boolean virtualThreads, RequestBody body) {
        this.counting = new CountingDataSource(target::connect);
        this.virtualThreads = virtualThreads;
        this.body = body;
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
        return virtualThreads ? Thread.ofVirtual().name("hikari-virtual-", 0).factory()
                : Thread.ofPlatform().name("hikari-platform-", 0).factory();
    }

    @Override
    public Client client() {
        return () -> body.run(pool::getConnection);
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
