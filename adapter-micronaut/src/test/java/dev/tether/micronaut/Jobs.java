package dev.tether.micronaut;

import dev.tether.api.DatabaseWrapper;
import dev.tether.engine.Tether;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/** Beans whose methods are units of work, as a scheduled job or a message listener would be. */
final class Jobs {
    private Jobs() {
    }

    @Singleton
    @Requires(property = "spec.name", value = "UnitOfWorkTest")
    static class Nightly {
        private final DataSource dataSource;
        private final Tether tether;

        Nightly(@Named("default") DataSource dataSource, Tether tether) {
            this.dataSource = dataSource;
            this.tether = tether;
        }

        /** Takes a connection and leaves it open: only the end of the unit can release it. */
        @UnitOfWork
        public int run() throws SQLException {
            dataSource.getConnection().getAutoCommit();
            return tether.stats("default").inUse();
        }

        @UnitOfWork
        public void fail() throws SQLException {
            dataSource.getConnection().getAutoCommit();
            throw new IllegalStateException("job failed");
        }

        @UnitOfWork
        public CompletableFuture<String> later() {
            return CompletableFuture.completedFuture("never");
        }

        /** The wrapper of the current unit of work, to compare identities. */
        @UnitOfWork
        public DatabaseWrapper wrapper() {
            return tether.wrapper("default");
        }
    }

    @Singleton
    @Requires(property = "spec.name", value = "UnitOfWorkTest")
    static class Batch {
        private final Nightly nightly;

        Batch(Nightly nightly) {
            this.nightly = nightly;
        }

        /** A unit of work that calls another: the inner one joins the outer. */
        @UnitOfWork
        public boolean nested() {
            return nightly.wrapper() == nightly.wrapper();
        }
    }

    @Controller("/jobs")
    @Requires(property = "spec.name", value = "UnitOfWorkTest")
    static class JobController {
        private final Nightly nightly;

        JobController(Nightly nightly) {
            this.nightly = nightly;
        }

        @Get("/run")
        @ExecuteOn(TaskExecutors.BLOCKING)
        String run() throws SQLException {
            return "in use " + nightly.run();
        }
    }
}
