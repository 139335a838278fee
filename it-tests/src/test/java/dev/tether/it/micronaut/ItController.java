package dev.tether.it.micronaut;

import dev.tether.testing.servers.ServerAdmin;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** Controllers on virtual threads that query the real database through the injected DataSource. */
@Controller("/it")
@Requires(property = "spec.name", value = MicronautApp.SPEC)
class ItController {
    static final AtomicBoolean streamCompleted = new AtomicBoolean();
    static final AtomicBoolean streamCancelled = new AtomicBoolean();

    private final DataSource dataSource;

    ItController(@Named("default") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The server's id for the session behind this request's connection. */
    @Get("/session")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String session() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return String.valueOf(ServerAdmin.currentSessionId(connection));
        }
    }

    /** Like /session, on the event loop: no {@code @ExecuteOn}. */
    @Get("/loop")
    String sessionOnTheEventLoop() throws SQLException {
        return session();
    }

    /** Holds a connection for 20 ms of server time. */
    @Get("/sleep")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String sleep() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            statement.execute(postgres ? "SELECT pg_sleep(0.02)" : "SELECT SLEEP(0.02)");
            return "slept";
        }
    }

    /** Queries with a connection it never closes, then fails. */
    @Get("/boom")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String boom() throws SQLException {
        ServerAdmin.currentSessionId(dataSource.getConnection());
        throw new IllegalStateException("controller failed after querying");
    }

    /** Queries, keeps the connection, and streams five chunks. */
    @Get(value = "/stream", produces = MediaType.TEXT_PLAIN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    Publisher<String> stream() throws SQLException {
        long session = ServerAdmin.currentSessionId(dataSource.getConnection());
        return Flux.range(1, 5).delayElements(Duration.ofMillis(20)).map(i -> "session " + session + " chunk " + i + "\n")
                .doOnComplete(() -> streamCompleted.set(true));
    }

    /** Queries, keeps the connection, and streams until the client goes away. */
    @Get(value = "/forever", produces = MediaType.TEXT_PLAIN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    Publisher<String> forever() throws SQLException {
        ServerAdmin.currentSessionId(dataSource.getConnection());
        return Flux.interval(Duration.ofMillis(10)).map(i -> "tick " + i + "\n").doOnCancel(() -> streamCancelled.set(true));
    }
}
