package dev.tether.it.micronaut;

import dev.tether.micronaut.TetherDatabase;
import dev.tether.micronaut.UnitOfWork;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The README's job: outside HTTP, {@code @UnitOfWork} makes each run one request-like unit. */
@Singleton
@Requires(property = "spec.name", value = "micronaut-readme")
class NightlyReport {
    private final TetherDatabase db;

    NightlyReport(@Named("default") TetherDatabase db) {
        this.db = db;
    }

    @UnitOfWork // put @Scheduled(cron = "0 0 2 * * *") here too for a nightly run
    public long run() throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 42")) {
            r.next();
            return r.getLong(1);
        }
    }
}
