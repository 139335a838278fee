package dev.tether.micronaut;

import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.core.value.PropertyResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code tether.databases.<alias>.*} into settings, PERSISTENCE defaulting to context. Every key is
 * handed to {@link DatabaseSettings.Builder#apply}, so a misspelt one is reported, not ignored.
 */
final class DatabaseProperties {
    static final String PREFIX = "tether.databases";
    private static final String OPTIONS = "OPTIONS";
    /** An option in Micronaut's merged view, where environment variables also give {@code options-x} and {@code options_x}. */
    private static final Pattern MERGED_OPTION = Pattern.compile("(?i)options[.\\-_].+");
    /** An option as written in a file: nested under {@code options}. */
    private static final Pattern WRITTEN_OPTION = Pattern.compile("(?i)options\\.(.+)");

    private DatabaseProperties() {
    }

    static List<DatabaseSettings> read(PropertyResolver properties) {
        List<DatabaseSettings> databases = new ArrayList<>();
        for (String alias : properties.getPropertyEntries(PREFIX)) {
            // A request hops threads, so PERSISTENCE=thread would not hold; context is the default here.
            databases.add(DatabaseSettings.builder(alias).persistence(Persistence.CONTEXT)
                    .apply(values(properties, alias)).build());
        }
        return databases;
    }

    /**
     * One alias's keys. Settings come from Micronaut's merged view, where environment variables
     * ({@code TETHER_DATABASES_DEFAULT_PASSWORD}) override files; driver options come from the keys as
     * written, because that view rewrites option names ({@code application_name} to {@code application-name}).
     */
    private static Map<String, Object> values(PropertyResolver properties, String alias) {
        String prefix = PREFIX + "." + alias;
        Map<String, Object> values = new LinkedHashMap<>();
        boolean optionsInMergedView = false;
        for (Map.Entry<String, Object> entry : properties.getProperties(prefix).entrySet()) {
            if (isOptions(entry.getKey())) {
                optionsInMergedView = true;
            } else {
                values.put(entry.getKey(), entry.getValue());
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        properties.getProperties(prefix, StringConvention.RAW).forEach((key, value) -> {
            Matcher option = WRITTEN_OPTION.matcher(key);
            if (option.matches()) {
                options.put(option.group(1), value);
            } else if (key.equalsIgnoreCase(OPTIONS) && value instanceof Map<?, ?> map) {
                map.forEach((name, optionValue) -> options.put(String.valueOf(name), optionValue));
            }
        });
        if (optionsInMergedView && options.isEmpty()) {
            throw ConfigurationException.of(alias, OPTIONS, "was given in environment variables, which cannot keep driver option names exact",
                    "set the options under tether.databases." + alias + ".options in application.yml, or as parameters of the URL");
        }
        if (!options.isEmpty()) {
            values.put(OPTIONS, options);
        }
        return values;
    }

    private static boolean isOptions(String key) {
        return key.equalsIgnoreCase(OPTIONS) || MERGED_OPTION.matcher(key).matches();
    }
}
