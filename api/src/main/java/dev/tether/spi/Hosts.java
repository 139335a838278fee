package dev.tether.spi;

import dev.tether.api.DatabaseSettings;
import java.util.ArrayList;
import java.util.List;

/** HOST as drivers' URLs want it: one host, or several for failover ({@code db1:5432,db2:5432}). */
public final class Hosts {
    private Hosts() {
    }

    /**
     * {@code host:port[,host:port...]} from HOST and PORT: each comma-separated entry keeps its own port if it gives
     * one ({@code db2:5433}, {@code [::1]:5433}), else gets PORT or {@code defaultPort}; a bare IPv6 address is
     * bracketed; an empty HOST is localhost.
     *
     * @param settings    the alias's settings
     * @param defaultPort the engine's port, used when neither the entry nor PORT gives one
     * @return the hosts and ports for the driver's URL
     */
    public static String authority(DatabaseSettings settings, int defaultPort) {
        int port = settings.port() == 0 ? defaultPort : settings.port();
        List<String> entries = new ArrayList<>();
        for (String entry : (settings.host().isEmpty() ? "localhost" : settings.host()).split(",")) {
            String host = entry.strip();
            boolean bracketed = host.startsWith("[");
            long colons = host.chars().filter(c -> c == ':').count();
            if (bracketed ? host.endsWith("]") : colons == 0) {
                entries.add(host + ":" + port);
            } else if (!bracketed && colons > 1) {
                entries.add("[" + host + "]:" + port); // a bare IPv6 address
            } else {
                entries.add(host); // host:port or [v6]:port
            }
        }
        return String.join(",", entries);
    }

    /**
     * Whether HOST names several hosts to fail over between.
     *
     * @param settings the alias's settings
     * @return whether HOST holds a comma-separated list
     */
    public static boolean several(DatabaseSettings settings) {
        return settings.host().contains(",");
    }
}
