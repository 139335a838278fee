package dev.tether.it.vertx;

import dev.tether.vertx.TetherVertx;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The README's "Use with Vert.x" verticle, line for line; {@link VertxReadmeExampleTest} deploys it. */
public class App extends VerticleBase {
    private static final System.Logger LOG = System.getLogger(App.class.getName());
    private TetherVertx db;

    @Override
    public Future<?> start() {
        // config(): {"port": 8080, "databases": {"default": {"ENGINE": "postgresql", "NAME": "app", "USER": "app", "CONN_MAX_AGE": 60}}}
        db = TetherVertx.create(vertx, config());   // one engine for all instances; a wrong setting fails the deployment
        return vertx.createHttpServer()
                .requestHandler(db.handler(request -> db       // each request is one Tether context
                        .withConnection("default", App::countOrders)   // runs on a worker thread
                        .onSuccess(count -> request.response().end(String.valueOf(count)))
                        .onFailure(error -> {
                            LOG.log(Level.WARNING, "counting orders failed", error);   // the details go to the log only
                            request.response().setStatusCode(503).end("database unavailable");
                        })))
                .listen(config().getInteger("port", 8080));
    }

    @Override
    public Future<?> stop() {
        return db.close();
    }

    static long countOrders(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select count(*) from orders");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
