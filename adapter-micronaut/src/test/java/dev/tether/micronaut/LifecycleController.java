package dev.tether.micronaut;

import dev.tether.api.ContextStorage;
import dev.tether.api.DatabaseWrapper;
import dev.tether.engine.Tether;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

@Controller("/t")
@Requires(property = "spec.name", value = "RequestLifecycleTest")
class LifecycleController {
    /** Set when /t/stream has emitted its last chunk; /t/forever's stream was cancelled. */
    static final AtomicBoolean streamCompleted = new AtomicBoolean();
    static final AtomicBoolean streamCancelled = new AtomicBoolean();
    /** /t/slow waits for this: the test releases it after the client has gone. */
    static volatile CountDownLatch release = new CountDownLatch(1);
    static final CountDownLatch slowStarted = new CountDownLatch(1);

    private final DataSource dataSource;
    private final Tether tether;
    private final ContextStorage storage;

    LifecycleController(@Named("default") DataSource dataSource, Tether tether, ContextStorage storage) {
        this.dataSource = dataSource;
        this.tether = tether;
        this.storage = storage;
    }

    /** No {@code @ExecuteOn}: runs on the event loop; answers what JDBC said there. */
    @Get("/loop")
    String onEventLoop() {
        try (Connection c = dataSource.getConnection()) {
            return "autocommit=" + c.getAutoCommit();
        } catch (SQLException | RuntimeException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Get("/blocking")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String blocking() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return "virtual=" + Thread.currentThread().isVirtual() + " autocommit=" + c.getAutoCommit();
        }
    }

    /** Compares the wrapper seen here with the one a filter saw on the event loop. */
    @Get("/hop")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String hop(HttpRequest<?> request) {
        DatabaseWrapper inFilter = request.getAttribute(WrapperCapturingFilter.ATTRIBUTE, DatabaseWrapper.class).orElseThrow();
        return "same=" + (inFilter == tether.wrapper("default")) + " virtual=" + Thread.currentThread().isVirtual();
    }

    /** Takes a connection and never closes it: only the end of the request can release it. */
    @Get("/leak")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String leak() throws SQLException {
        dataSource.getConnection().getAutoCommit();
        return "leaked";
    }

    /** What the storage tells the engine inside a request, on the event loop and after the hop. */
    @Get("/storage")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String storage() {
        return "owner=" + storage.ownerThread() + " mustNotBlock=" + storage.mustNotBlock();
    }

    @Get("/db-down")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String databaseDown() throws SQLException {
        throw new SQLException("cannot connect to postgresql database 'app' at db.internal:5432 as user 'app'", "08001");
    }

    @Get("/boom")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String boom() throws SQLException {
        dataSource.getConnection().getAutoCommit();
        throw new IllegalStateException("controller failed");
    }

    @Get("/error-response")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> errorResponse() throws SQLException {
        dataSource.getConnection().getAutoCommit();
        return HttpResponse.serverError("failed on purpose");
    }

    /** A body read while the response is written: the rows of a result set left open, as a JDBC repository streams. */
    @Get("/rows")
    @ExecuteOn(TaskExecutors.BLOCKING)
    Iterable<String> rows() throws SQLException {
        ResultSet rows = dataSource.getConnection().createStatement().executeQuery("rows 200");
        return () -> new Iterator<>() {
            private Boolean ahead;

            @Override
            public boolean hasNext() {
                try {
                    if (ahead == null) {
                        ahead = rows.next();
                    }
                    return ahead;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ahead = null;
                try {
                    return rows.getString(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** Holds a connection while five chunks are streamed. */
    @Get(value = "/stream", produces = MediaType.TEXT_PLAIN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    Publisher<String> stream() throws SQLException {
        dataSource.getConnection().getAutoCommit();
        return Flux.range(1, 5).delayElements(Duration.ofMillis(20)).map(i -> "chunk " + i + "\n")
                .doOnComplete(() -> streamCompleted.set(true));
    }

    /** Streams until the client goes away. */
    @Get(value = "/forever", produces = MediaType.TEXT_PLAIN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    Publisher<String> forever() throws SQLException {
        dataSource.getConnection().getAutoCommit();
        return Flux.interval(Duration.ofMillis(10)).map(i -> "tick " + i + "\n")
                .doOnCancel(() -> streamCancelled.set(true));
    }

    /** Holds a connection until the test lets it answer, after the client has disconnected. */
    @Get("/slow")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String slow() throws SQLException, InterruptedException {
        dataSource.getConnection().getAutoCommit();
        slowStarted.countDown();
        if (!release.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released /t/slow");
        }
        return "late";
    }
}
