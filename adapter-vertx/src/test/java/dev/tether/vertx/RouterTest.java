package dev.tether.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.LoggerHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A vert.x-web Router with handlers that hook the response's end: every request still finishes exactly once. */
class RouterTest {
    private final Rig rig = new Rig();

    @AfterEach
    void close() {
        rig.close();
    }

    private int serve() {
        Router router = Router.router(rig.vertx);
        TetherRouteHandler tether = TetherRouteHandler.create(rig.db);
        router.route().handler(tether).failureHandler(tether);
        router.route().handler(LoggerHandler.create());
        router.route().handler(BodyHandler.create());
        router.route().handler(TimeoutHandler.create(300));
        router.get("/ok").handler(routing -> rig.db.withConnection("default", c -> c.nativeSQL("SELECT 1"))
                .onSuccess(routing::end).onFailure(routing::fail));
        router.get("/fail").handler(routing -> rig.db.withConnection("default", c -> c.nativeSQL("SELECT 1"))
                .onSuccess(ignored -> routing.fail(new IllegalStateException("route bug"))));
        router.get("/throw").handler(routing -> {
            throw new IllegalStateException("route threw");
        });
        router.get("/db-down").handler(routing -> rig.db.withConnection("default", c -> {
            throw new SQLException("cannot connect to postgresql database 'app' at db.internal:5432 as user 'app'");
        }).onFailure(routing::fail));
        router.get("/slow").handler(routing -> rig.db.withConnection("default", c -> c.nativeSQL("SELECT 1")));
        router.get("/hang").handler(routing -> rig.db.withConnection("default", c -> c.nativeSQL("SELECT 1")).onSuccess(ignored -> routing.response().setChunked(true).write("partial")));
        return rig.serve(router);
    }

    @Test
    void everyKindOfEndFinishesItsRequestOnce() throws Exception {
        int port = serve();

        assertEquals(200, rig.get(port, "/ok").status());
        assertEquals(500, rig.get(port, "/fail").status());
        assertEquals(500, rig.get(port, "/throw").status());
        assertEquals(404, rig.get(port, "/missing").status());
        assertEquals(503, rig.get(port, "/slow").status(), "TimeoutHandler answered");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /hang HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader response = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            while (!Objects.requireNonNull(response.readLine(), "the response ended before its first chunk").equals("partial")) {
                // headers and the chunk size come first
            }
        }

        rig.assertSettled(6);
        assertEquals(1, rig.backend.opened.get(), "one persistent connection served them all");
    }

    @Test
    void aDatabaseFailureIsAnswered503WithoutItsDetails() {
        int port = serve();

        Rig.Response response = rig.get(port, "/db-down");

        assertEquals(503, response.status());
        assertEquals("Service Unavailable: database error", response.body());
        assertFalse(response.body().contains("db.internal"));
        rig.assertSettled(1);
    }

    @Test
    void concurrentRequestsStayUnderTheCap() {
        int port = serve();
        List<Future<Rig.Response>> responses = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            responses.add(rig.request(port, i % 3 == 0 ? "/fail" : "/ok"));
        }
        for (int i = 0; i < responses.size(); i++) {
            assertEquals(i % 3 == 0 ? 500 : 200, Rig.await(responses.get(i)).status());
        }
        rig.assertSettled(300);
        assertTrue(rig.backend.opened.get() <= 4, "opened " + rig.backend.opened.get() + ", cap 4");
    }
}
