package dev.tether.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.sql.SQLException;

/**
 * A database failure inside a request is answered 503 with a short body; the details (host, database, user, SQL)
 * go to the log only, never to the HTTP client. Turn it off with {@code tether.http.database-failures: false}.
 */
@Singleton
@Produces
@Requires(property = "tether.http.database-failures", notEquals = "false")
final class DatabaseFailureHandler implements ExceptionHandler<SQLException, HttpResponse<String>> {
    private static final System.Logger LOG = System.getLogger("dev.tether.micronaut");

    @Override
    public HttpResponse<String> handle(HttpRequest request, SQLException exception) {
        LOG.log(Level.WARNING, "[" + request.getMethodName() + " " + request.getPath() + "] failed on the database", exception);
        return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("Service Unavailable: database error");
    }
}
