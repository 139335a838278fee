package dev.tether.it.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The README's controller: plain JDBC on Tether's persistent connection, on a virtual thread. */
@Controller("/greetings")
@Requires(property = "spec.name", value = "micronaut-readme")
class GreetingController {
    private final DataSource db;

    GreetingController(@Named("default") DataSource db) {
        this.db = db;
    }

    @Get("/{name}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String greet(String name) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 'Hello, ' || ? || '!'")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
