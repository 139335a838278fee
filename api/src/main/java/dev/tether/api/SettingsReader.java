package dev.tether.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads settings from maps of Django-style keys and from database URLs. */
final class SettingsReader {
    private SettingsReader() {
    }

    static DatabaseSettings fromMap(String alias, Map<String, ?> values) {
        return DatabaseSettings.builder(alias).apply(values).build();
    }

    static void applyMap(DatabaseSettings.Builder builder, Map<String, ?> values) {
        // The URL goes first so that explicit keys override what it gave.
        values.forEach((key, value) -> {
            if (Setting.find(builder.alias(), key) == Setting.URL) {
                builder.set(key, value);
            }
        });
        values.forEach((key, value) -> {
            if (Setting.lookup(key) != Setting.URL) {
                builder.set(key, value);
            }
        });
    }

    static void applyUrl(DatabaseSettings.Builder builder, String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            // The input is not repeated: it may hold a password.
            throw ConfigurationException.of(builder.alias(), Setting.URL.key(),
                    "is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")", Setting.URL.hint()
                            + "; percent-encode special characters in the password");
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw ConfigurationException.of(builder.alias(), Setting.URL.key(), "has no engine or host", Setting.URL.hint());
        }
        if (uri.getRawAuthority().indexOf('@') < 0 && (contains(uri.getRawQuery(), '@') || contains(uri.getRawFragment(), '@'))) {
            // user:pa?ss@host: the '?' cut the password, and what follows it would become a driver option.
            throw ConfigurationException.of(builder.alias(), Setting.URL.key(), "has an '@' after a '?' or '#'",
                    "percent-encode '?', '#' and '/' in the password (%3F, %23, %2F)");
        }
        builder.engine(uri.getScheme());
        applyAuthority(builder, uri.getRawAuthority());
        String path = uri.getRawPath();
        if (path != null && path.length() > 1) {
            builder.name(decode(path.substring(1)));
        }
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    applyParameter(builder, decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
        }
    }

    /**
     * {@code user:password@host:port}, read by hand: {@link URI} gives up on host names with an underscore
     * (docker-compose service names) and on an unencoded {@code @} in the password, silently.
     */
    private static void applyAuthority(DatabaseSettings.Builder builder, String authority) {
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            builder.user(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                builder.password(decode(userInfo.substring(colon + 1)));
            }
        }
        String hostPort = authority.substring(at + 1);
        int portColon = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.lastIndexOf(':');
        String host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
        builder.host(decode(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host));
        if (portColon >= 0) {
            String port = hostPort.substring(portColon + 1);
            if (!port.chars().allMatch(Character::isDigit)) {
                // Not echoed: in user:secret/db (no '@', no host) this is the password.
                throw ConfigurationException.of(builder.alias(), Setting.URL.key(), "has a PORT that is not a number",
                        "write user:password@host:port with a numeric port, and percent-encode special characters in "
                                + "the password");
            }
            builder.set(Setting.PORT.key(), port);
        }
    }

    private static boolean contains(String text, char c) {
        return text != null && text.indexOf(c) >= 0;
    }

    /** A known setting is applied; a near miss of one is an error; anything else is a driver option. */
    private static void applyParameter(DatabaseSettings.Builder builder, String key, String value) {
        Setting setting = Setting.lookup(key);
        if (setting == Setting.URL || setting == Setting.PASSWORD) {
            throw ConfigurationException.of(builder.alias(), key, "cannot be given as a URL parameter",
                    "put the password in the URL's user-info part (user:password@host)");
        }
        if (setting != null) {
            builder.set(key, value);
        } else if (Setting.nearest(key) != null) {
            throw Setting.unknown(builder.alias(), key);
        } else {
            builder.option(key, value);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
