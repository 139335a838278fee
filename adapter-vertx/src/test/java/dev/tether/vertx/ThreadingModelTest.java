package dev.tether.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** In WORKER and VIRTUAL_THREAD verticles handlers may call JDBC directly, and withConnection works unchanged. */
class ThreadingModelTest {
    private final Rig rig = new Rig();

    @AfterEach
    void close() {
        rig.close();
    }

    /** Answers with the connection used directly and the one withConnection gave, on the verticle's own thread. */
    private final class Service extends VerticleBase {
        final AtomicInteger port = new AtomicInteger();

        @Override
        public Future<?> start() {
            return vertx.createHttpServer()
                    .requestHandler(rig.db.handler(request -> {
                        String direct;
                        try (Connection connection = rig.db.tether().connection("default")) {
                            direct = connection.nativeSQL("SELECT 1");
                        } catch (SQLException e) {
                            request.response().setStatusCode(503).end(e.getMessage());
                            return;
                        }
                        String thread = Thread.currentThread().isVirtual() ? "virtual" : Thread.currentThread().getName();
                        rig.db.withConnection("default", connection -> connection.nativeSQL("SELECT 2"))
                                .onSuccess(viaFuture -> request.response().end(direct + " " + viaFuture + " " + thread))
                                .onFailure(error -> request.response().setStatusCode(500).end(error.toString()));
                    }))
                    .listen(0, "127.0.0.1")
                    .onSuccess(server -> port.set(server.actualPort()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ThreadingModel.class, names = {"WORKER", "VIRTUAL_THREAD"})
    void handlersMayCallJdbcDirectly(ThreadingModel model) {
        Service service = new Service();
        Rig.await(rig.vertx.deployVerticle(service, new DeploymentOptions().setThreadingModel(model)));

        List<Future<Rig.Response>> responses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            responses.add(rig.request(service.port.get(), "/"));
        }

        for (Future<Rig.Response> future : responses) {
            Rig.Response response = Rig.await(future);
            assertEquals(200, response.status(), response.body());
            String[] parts = response.body().split(" ");
            assertTrue(parts[0].startsWith("connection-") && parts[1].startsWith("connection-"), response.body());
            assertTrue(model == ThreadingModel.WORKER ? parts[2].startsWith("vert.x-worker-thread") : parts[2].equals("virtual"),
                    response.body());
        }
        rig.assertSettled(100);
        assertTrue(rig.backend.opened() <= 4);
    }
}
