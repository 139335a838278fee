package dev.tether.api;

/** A setting is missing, misspelt or out of range. Raised when settings are read, i.e. at start-up. */
public final class ConfigurationException extends TetherException {
    public ConfigurationException(String message) {
        super(message);
    }

    /** A message of the form {@code Database 'alias': KEY <problem>; <fix>}. */
    public static ConfigurationException of(String alias, String key, String problem, String fix) {
        return new ConfigurationException("Database '" + alias + "': " + key + " " + problem + "; " + fix);
    }
}
