package dev.tether.micronaut;

import dev.tether.api.DatabaseSettings;
import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.core.value.PropertyResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code tether.databases.<alias>.*} into settings. Each alias's keys are handed to
 * {@link DatabaseSettings#fromMap} as the user wrote them, so a misspelt key is reported, not ignored.
 */
final class DatabaseProperties {
    static final String PREFIX = "tether.databases";
    private static final String OPTIONS = "options";

    private DatabaseProperties() {
    }

    static List<DatabaseSettings> read(PropertyResolver properties) {
        List<DatabaseSettings> databases = new ArrayList<>();
        for (String alias : properties.getPropertyEntries(PREFIX)) {
            databases.add(DatabaseSettings.fromMap(alias, values(properties, alias)));
        }
        return databases;
    }

    /** One alias's keys; the flattened {@code options.*} keys are gathered back into the OPTIONS map. */
    private static Map<String, Object> values(PropertyResolver properties, String alias) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> options = new LinkedHashMap<>();
        properties.getProperties(PREFIX + "." + alias, StringConvention.RAW).forEach((key, value) -> {
            if (key.regionMatches(true, 0, OPTIONS + ".", 0, OPTIONS.length() + 1)) {
                options.put(key.substring(OPTIONS.length() + 1), value);
            } else if (key.equalsIgnoreCase(OPTIONS) && value instanceof Map<?, ?> map) {
                map.forEach((name, option) -> options.put(String.valueOf(name), option));
            } else {
                values.put(key, value);
            }
        });
        if (!options.isEmpty()) {
            values.put(OPTIONS, options);
        }
        return values;
    }
}
