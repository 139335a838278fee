package dev.tether.vertx.internal;

import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import dev.tether.api.Persistence;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code {"databases": {"default": {"ENGINE": "postgresql", "NAME": "app", "conn_max_age": 60}}}}: the
 * same keys, spellings and URLs as {@link DatabaseSettings#fromMap}. PERSISTENCE defaults to context.
 */
public final class JsonSettings {
    public static final String DATABASES = "databases";
    /** The name verticle instances share one engine under; each name is one engine and one cap per Vert.x. */
    public static final String POOL_NAME = "poolName";
    /** {@code true}: open and check one connection per alias when Tether starts. */
    public static final String CHECK_ON_START = "checkOnStart";
    private static final String EXAMPLE = "{\"databases\": {\"default\": {\"ENGINE\": \"postgresql\", \"NAME\": \"app\", "
            + "\"HOST\": \"127.0.0.1\", \"CONN_MAX_AGE\": 60}}}";

    private JsonSettings() {
    }

    public static List<DatabaseSettings> databases(JsonObject config) {
        Object databases = config == null ? null : config.getValue(DATABASES);
        if (!(databases instanceof JsonObject aliases) || aliases.isEmpty()) {
            throw new ConfigurationException("The Vert.x configuration has " + (databases == null ? "no" : "an invalid")
                    + " '" + DATABASES + "' entry; give it a JSON object with one entry per alias, such as " + EXAMPLE);
        }
        List<DatabaseSettings> settings = new ArrayList<>();
        for (String alias : aliases.fieldNames()) {
            settings.add(database(alias, aliases.getValue(alias)));
        }
        return settings;
    }

    public static String poolName(JsonObject config) {
        Object name = config == null ? null : config.getValue(POOL_NAME);
        if (name == null) {
            return "default";
        }
        if (!(name instanceof String text) || text.isBlank()) {
            throw new ConfigurationException("The Vert.x configuration's '" + POOL_NAME + "' is " + name
                    + "; give it a name such as \"orders\", or leave it out to share the engine named \"default\"");
        }
        return text;
    }

    public static boolean checkOnStart(JsonObject config) {
        Object check = config == null ? null : config.getValue(CHECK_ON_START);
        if (check == null || check instanceof Boolean) {
            return Boolean.TRUE.equals(check);
        }
        throw new ConfigurationException("The Vert.x configuration's '" + CHECK_ON_START + "' is " + check
                + "; use true (open and check one connection per database at start-up) or false");
    }

    /** The {@code databases} entry as given, to tell whether two verticles configured the same databases. */
    public static JsonObject databasesJson(JsonObject config) {
        return config != null && config.getValue(DATABASES) instanceof JsonObject databases ? databases : null;
    }

    private static DatabaseSettings database(String alias, Object value) {
        Map<String, Object> keys = new LinkedHashMap<>();
        switch (value) {
            case JsonObject object -> keys.putAll(plain(object));
            case String url -> keys.put("URL", url);
            case null, default -> throw new ConfigurationException("Database '" + alias + "': its settings must be a JSON "
                    + "object of keys such as {\"ENGINE\": \"postgresql\", \"NAME\": \"app\"}, or a database URL string");
        }
        // A request hops threads, so PERSISTENCE=thread would not hold (the engine refuses it); context is the default.
        return DatabaseSettings.builder(alias).persistence(Persistence.CONTEXT).apply(keys).build();
    }

    /** JSON objects and arrays as plain maps and lists, which the settings reader understands. */
    private static Map<String, Object> plain(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : object.fieldNames()) {
            map.put(key, plainValue(object.getValue(key)));
        }
        return map;
    }

    private static Object plainValue(Object value) {
        return switch (value) {
            case JsonObject object -> plain(object);
            case JsonArray array -> array.stream().map(JsonSettings::plainValue).toList();
            case null, default -> value;
        };
    }
}
