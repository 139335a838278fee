package dev.tether.it.micronaut;

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
