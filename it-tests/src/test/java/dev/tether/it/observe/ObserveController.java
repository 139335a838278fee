package dev.tether.it.observe;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A quick query and a two-second one, through the injected DataSource, for MicronautMetricsTest. */
@Controller("/observe")
@Requires(property = "spec.name", value = MicronautMetricsTest.SPEC)
class ObserveController {
    private final DataSource dataSource;

    ObserveController(@Named("default") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Get("/query")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String query() throws SQLException {
        return run("SELECT 1");
    }

    @Get("/slow")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String slow() throws SQLException {
        return run("SELECT 1 FROM pg_sleep(2)");
    }

    private String run(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return "ok";
        }
    }
}
