package dev.tether.bench.jmh;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import dev.tether.bench.CountingDataSource;
import dev.tether.engine.Tether;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * One contender of the JDBC benchmarks over {@link FakeConnection}s, named by the benchmarks' {@code pool}
 * parameter. {@link #borrow} and {@link #giveBack} are what a request does around its JDBC work: for Tether,
 * request started + {@code connection(alias)}, then close + request finished (what an adapter does); for the
 * pools, {@code getConnection()} and {@code close()}.
 */
sealed interface BenchPool extends AutoCloseable {
    String ALIAS = "default";

    Connection borrow() throws SQLException;

    void giveBack(Connection connection) throws SQLException;

    @Override
    void close();

    /**
     * @param name {@code tether-thread}, {@code tether-context}, {@code hikari} or {@code agroal}
     * @param size the pool's size and Tether's MAX_CONNECTIONS
     */
    static BenchPool open(String name, int size) throws SQLException {
        return switch (name) {
            case "tether-thread" -> new TetherPool(tether(Persistence.THREAD, size));
            case "tether-context" -> new TetherPool(tether(Persistence.CONTEXT, size));
            case "hikari" -> new DataSourcePool(hikari(size));
            case "agroal" -> new DataSourcePool(agroal(size));
            default -> throw new IllegalArgumentException("unknown pool '" + name
                    + "'; use tether-thread, tether-context, hikari or agroal");
        };
    }

    private static Tether tether(Persistence persistence, int size) {
        return Tether.builder().backend(new FakeBackend())
                .database(DatabaseSettings.builder(ALIAS).engine(FakeBackend.ENGINE).name("bench")
                        .maxAge(DatabaseSettings.UNLIMITED).persistence(persistence).maxConnections(size).build())
                .reaperPeriod(Duration.ZERO)
                .build();
    }

    private static HikariDataSource hikari(int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("jmh");
        config.setDataSource(new CountingDataSource(FakeConnection::new));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return new HikariDataSource(config);
    }

    private static AgroalDataSource agroal(int size) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(size).minSize(size).initialSize(size)
                        .connectionFactoryConfiguration(factory -> factory.connectionProviderClass(FakeDriver.class)
                                .jdbcUrl(FakeDriver.URL))));
    }

    record TetherPool(Tether tether) implements BenchPool {
        @Override
        public Connection borrow() throws SQLException {
            tether.requestStarted();
            return tether.connection(ALIAS);
        }

        @Override
        public void giveBack(Connection connection) throws SQLException {
            try {
                connection.close();
            } finally {
                tether.requestFinished();
            }
        }

        @Override
        public void close() {
            tether.close();
        }
    }

    record DataSourcePool(javax.sql.DataSource dataSource) implements BenchPool {
        @Override
        public Connection borrow() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void giveBack(Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public void close() {
            try {
                ((AutoCloseable) dataSource).close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the benchmark's pool failed", e);
            }
        }
    }
}
