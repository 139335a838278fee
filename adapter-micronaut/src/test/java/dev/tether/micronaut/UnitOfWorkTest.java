package dev.tether.micronaut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.api.TetherException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @UnitOfWork} makes a bean method one request-like unit outside HTTP, and joins one inside. */
class UnitOfWorkTest {
    private TestApp app;
    private Jobs.Nightly nightly;

    @BeforeEach
    void start() {
        app = new TestApp("UnitOfWorkTest", Map.of());
        nightly = app.context.getBean(Jobs.Nightly.class);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void eachCallIsOneUnitThatReleasesItsConnection() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertEquals(1, nightly.run(), "the connection is held during the call");
            assertEquals(i, app.signals.requestsStarted());
            assertEquals(i, app.signals.requestsFinished());
            assertEquals(0, app.tether().stats("default").inUse(), "and released when it returns");
        }
        assertEquals(1, app.backend.connections.size(), "the persistent connection served every call");
    }

    @Test
    void aCallThatThrowsStillFinishesItsUnit() {
        assertThrows(IllegalStateException.class, nightly::fail);
        assertEquals(1, app.signals.requestsFinished());
        assertEquals(0, app.tether().stats("default").inUse());
    }

    @Test
    void nestedUnitsJoinTheOutermost() {
        assertTrue(app.context.getBean(Jobs.Batch.class).nested(), "both inner calls saw the outer unit's wrapper");
        assertEquals(1, app.signals.requestsStarted());
        assertEquals(1, app.signals.requestsFinished());
    }

    @Test
    void insideAnHttpRequestTheUnitJoinsTheRequest() {
        assertEquals("in use 1", app.get("/jobs/run").body());
        app.awaitQuiet(1);
        assertEquals(1, app.signals.requestsStarted(), "the request was the only unit");
    }

    @Test
    void asynchronousMethodsAreRefusedWithTheFix() {
        TetherException refused = assertThrows(TetherException.class, nightly::later);
        assertTrue(refused.getMessage().contains("later") && refused.getMessage().contains("make the method synchronous"),
                refused.getMessage());
        assertEquals(0, app.signals.requestsStarted());
    }
}
