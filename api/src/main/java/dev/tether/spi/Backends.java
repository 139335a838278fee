package dev.tether.spi;

import dev.tether.api.ConfigurationException;
import dev.tether.api.DatabaseSettings;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds backends on the class or module path. */
public final class Backends {
    private static final System.Logger LOG = System.getLogger("dev.tether.spi");

    private Backends() {
    }

    /**
     * Every backend that loads; a broken provider is logged and skipped.
     *
     * @return the backends found by {@link ServiceLoader}
     */
    public static List<Backend> available() {
        List<Backend> found = new ArrayList<>();
        var iterator = ServiceLoader.load(Backend.class).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    return found;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                LOG.log(Level.WARNING, "Skipping a Tether backend that failed to load: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The backend for a settings' ENGINE.
     *
     * @param settings the alias's settings
     * @return the backend
     * @throws ConfigurationException listing the engines found when none matches
     */
    public static Backend forSettings(DatabaseSettings settings) {
        return find(settings.alias(), settings.engine(), available());
    }

    /**
     * The backend among {@code candidates} that answers to {@code engine}.
     *
     * @param alias      the alias, for the error message
     * @param engine     the ENGINE value, matched case-insensitively
     * @param candidates the backends to choose from
     * @return the first that answers to the name
     * @throws ConfigurationException listing the engines found when none matches
     */
    public static Backend find(String alias, String engine, List<Backend> candidates) {
        String wanted = engine.toLowerCase(Locale.ROOT);
        for (Backend backend : candidates) {
            for (String name : backend.engineNames()) {
                if (name.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return backend;
                }
            }
        }
        TreeSet<String> names = new TreeSet<>();
        candidates.forEach(backend -> names.addAll(backend.engineNames()));
        throw ConfigurationException.of(alias, "ENGINE", "is '" + engine + "', which no backend on the classpath provides",
                names.isEmpty()
                        ? "add a backend such as tether-backend-postgres or tether-backend-mysql to the classpath"
                        : "use one of " + String.join(", ", names) + ", or add the backend's jar to the classpath");
    }
}
