package dev.tether.api;

/** A setting is missing, misspelt or out of range. Raised when settings are read, i.e. at start-up. */
public final class ConfigurationException extends TetherException {
    /**
     * An error with a complete message; prefer {@link #of}.
     *
     * @param message names the alias and the setting and says how to fix it
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * An error with a message of the form {@code Database 'alias': KEY <problem>; <fix>}.
     *
     * @param alias   the database alias
     * @param key     the setting or option
     * @param problem what is wrong with it, such as {@code is 'x', which ...}
     * @param fix     what to do instead
     * @return the error, to throw
     */
    public static ConfigurationException of(String alias, String key, String problem, String fix) {
        return new ConfigurationException("Database '" + alias + "': " + key + " " + problem + "; " + fix);
    }
}
