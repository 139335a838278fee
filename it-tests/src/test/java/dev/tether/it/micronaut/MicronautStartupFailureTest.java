package dev.tether.it.micronaut;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

/** A mistake in application.yml stops the application from starting, and the message names the key. */
class MicronautStartupFailureTest {

    @Test
    void misspeltKeyNamesTheKeyAndTheSettingItResembles() {
        String message = startUpFailure("typo");
        assertTrue(message.contains("Database 'default'") && message.contains("conn-max-agee")
                && message.contains("did you mean CONN_MAX_AGE"), message);
    }

    @Test
    void negativeMaxAgeNamesTheKeyAndTheFix() {
        String message = startUpFailure("negative-age");
        assertTrue(message.contains("Database 'default'") && message.contains("CONN_MAX_AGE") && message.contains("-60")
                && message.contains("'unlimited'"), message);
    }

    @Test
    void unknownEngineNamesTheKeyAndTheEnginesThatExist() {
        String message = startUpFailure("unknown-engine");
        assertTrue(message.contains("Database 'default'") && message.contains("ENGINE") && message.contains("oracle")
                && message.contains("postgresql") && message.contains("mysql"), message);
    }

    @Test
    void stoppedDatabaseWithTheStartUpCheckStopsStartUpNamingTheAliasAndTheFix() {
        String message = startUpFailure("stopped-database");
        assertTrue(message.contains("Database 'default' failed its start-up check: [default] cannot connect to postgresql "
                + "database 'app' at 127.0.0.1:1"), message);
        assertTrue(message.contains("Start the database or correct its settings"), message);
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void misspeltTopLevelKeyStopsStartUp() {
        String message = startUpFailure("top-level-typo");
        assertTrue(message.contains("Unknown setting 'tether.reaper-perod'") && message.contains("did you mean tether.reaper-period"),
                message);
    }

    /** Starts the application with {@code micronaut/<config>/application.yml}; returns every message of the failure. */
    private static String startUpFailure(String config) {
        Throwable failure = assertThrows(Throwable.class, () -> {
            try (ApplicationContext context = ApplicationContext.builder()
                    .overrideConfigLocations("classpath:micronaut/" + config + "/")
                    .properties(java.util.Map.of("micronaut.server.port", -1)).start()) {
                context.getBean(EmbeddedServer.class).start();
            }
        });
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
