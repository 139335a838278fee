package dev.tether.micronaut;

import dev.tether.api.ConfigurationException;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import java.util.List;
import java.util.Locale;

/**
 * Checks the keys written under {@code tether.} in files and code, so that a typo ({@code tether.reaper-perod},
 * {@code tether.database.default}) stops start-up instead of being ignored. Environment variables are not checked:
 * any variable named {@code TETHER_*} would otherwise count as a key.
 */
final class TopLevelKeys {
    static final String PREFIX = "tether.";
    /** What may follow {@code tether.}, in Micronaut's kebab-case. */
    static final List<String> KNOWN = List.of("databases", "reaper-period", "shutdown-timeout", "check-on-start",
            "allow-event-loop-jdbc", "http");

    private TopLevelKeys() {
    }

    static void check(Environment environment) {
        for (PropertySource source : environment.getPropertySources()) {
            if (source.getConvention() == PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE) {
                continue;
            }
            for (String key : source) {
                if (key.startsWith(PREFIX)) {
                    checkKey(key, source.getName());
                }
            }
        }
    }

    private static void checkKey(String key, String source) {
        String rest = key.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        String normalized = normalize(name);
        String suggestion = null;
        for (String known : KNOWN) {
            if (normalize(known).equals(normalized)) {
                return;
            }
            if (suggestion == null && normalized.length() >= 4 && normalize(known).startsWith(normalized.substring(0, 4))) {
                suggestion = known;
            }
        }
        throw new ConfigurationException("Unknown setting '" + key + "' (in " + source + "); "
                + (suggestion != null ? "did you mean tether." + suggestion + "? " : "")
                + "the settings under tether. are " + String.join(", ", KNOWN.stream().map(k -> PREFIX + k).toList()));
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
