package dev.tether.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns raw setting values (strings, numbers, booleans, maps, durations) into typed ones, or says what is wrong. */
final class Values {
    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");

    private Values() {
    }

    /** A value as given, with the key spelled as the user spelled it. */
    record Given(String key, Object value) {
    }

    static String text(DatabaseSettings.Builder b, Setting setting, Given given) {
        return switch (given.value()) {
            case null -> "";
            case String s -> s;
            case Number n -> n.toString(); // YAML reads password: 12345 as a number
            default -> throw invalid(b, setting, given);
        };
    }

    static boolean bool(DatabaseSettings.Builder b, Setting setting, Given given) {
        return switch (given.value()) {
            case Boolean flag -> flag;
            case String s when s.strip().equalsIgnoreCase("true") || s.strip().equals("1") -> true;
            case String s when s.strip().equalsIgnoreCase("false") || s.strip().equals("0") -> false;
            case null, default -> throw invalid(b, setting, given);
        };
    }

    static int integer(DatabaseSettings.Builder b, Setting setting, Given given) {
        try {
            return switch (given.value()) {
                case Integer i -> i;
                case Long l -> Math.toIntExact(l);
                case String s -> Integer.parseInt(s.strip());
                case null, default -> throw invalid(b, setting, given);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(b, setting, given);
        }
    }

    static int port(DatabaseSettings.Builder b, Given given) {
        if (given.value() == null || given.value() instanceof String s && s.isBlank()) {
            return 0;
        }
        return integer(b, Setting.PORT, given);
    }

    static double fraction(DatabaseSettings.Builder b, Setting setting, Given given) {
        try {
            return switch (given.value()) {
                case Number n -> n.doubleValue();
                case String s -> Double.parseDouble(s.strip());
                case null, default -> throw invalid(b, setting, given);
            };
        } catch (NumberFormatException e) {
            throw invalid(b, setting, given);
        }
    }

    static Persistence persistence(DatabaseSettings.Builder b, Given given) {
        return switch (given.value()) {
            case Persistence p -> p;
            case String s when s.strip().equalsIgnoreCase("thread") -> Persistence.THREAD;
            case String s when s.strip().equalsIgnoreCase("context") -> Persistence.CONTEXT;
            case null, default -> throw invalid(b, Setting.PERSISTENCE, given);
        };
    }

    static Pooler pooler(DatabaseSettings.Builder b, Given given) {
        return switch (given.value()) {
            case Pooler p -> p;
            case String s when s.strip().equalsIgnoreCase("none") -> Pooler.NONE;
            case String s when s.strip().equalsIgnoreCase("session") -> Pooler.SESSION;
            case String s when s.strip().equalsIgnoreCase("transaction") -> Pooler.TRANSACTION;
            case null, default -> throw invalid(b, Setting.POOLER, given);
        };
    }

    static Release release(DatabaseSettings.Builder b, Given given) {
        return switch (given.value()) {
            case Release r -> r;
            case String s when s.strip().equalsIgnoreCase("unit") -> Release.UNIT;
            case String s when s.strip().equalsIgnoreCase("transaction") -> Release.TRANSACTION;
            case null, default -> throw invalid(b, Setting.RELEASE, given);
        };
    }

    /**
     * A number of seconds (Django's unit), a number with a unit ({@code 500ms}, {@code 30s}, {@code 5m}),
     * an ISO-8601 duration, or with {@code unlimitedAllowed} "unlimited"/"none"/null.
     */
    static Duration duration(DatabaseSettings.Builder b, Setting setting, Given given, boolean unlimitedAllowed) {
        Duration duration = anyDuration(b, setting, given, unlimitedAllowed);
        Duration limit = setting == Setting.CONN_MAX_AGE || setting == Setting.IDLE_TIMEOUT
                || setting == Setting.CREDENTIAL_LIFETIME ? Duration.ofDays(3650)
                : Duration.ofDays(1);
        if (duration.compareTo(limit) > 0 && !duration.equals(DatabaseSettings.UNLIMITED)) {
            // Beyond this the engine's nanosecond arithmetic would overflow, and no real setting is this long.
            throw ConfigurationException.of(b.alias(), given.key().equals(setting.key()) ? setting.key()
                            : given.key() + " (" + setting.key() + ")", "is longer than " + limit.toDays() + " days",
                    unlimitedAllowed ? "use at most " + limit.toDays() + " days, or 'unlimited'"
                            : "use at most " + limit.toDays() + (limit.toDays() == 1 ? " day" : " days"));
        }
        return duration;
    }

    private static Duration anyDuration(DatabaseSettings.Builder b, Setting setting, Given given, boolean unlimitedAllowed) {
        Object value = given.value();
        if (unlimitedAllowed && (value == null || value instanceof String s
                && (s.strip().equalsIgnoreCase("unlimited") || s.strip().equalsIgnoreCase("none")))) {
            return DatabaseSettings.UNLIMITED;
        }
        return switch (value) {
            case Duration d when !d.isNegative() -> d;
            case Integer i when i >= 0 -> Duration.ofSeconds(i);
            case Long l when l >= 0 -> Duration.ofSeconds(l);
            case Number n when n.doubleValue() >= 0 -> millis(b, setting, given, n.toString(), "s");
            case String s -> parseDuration(b, setting, given, s.strip());
            case null, default -> throw invalid(b, setting, given);
        };
    }

    private static Duration parseDuration(DatabaseSettings.Builder b, Setting setting, Given given, String text) {
        if (text.toUpperCase(Locale.ROOT).startsWith("PT") || text.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                Duration parsed = Duration.parse(text);
                if (!parsed.isNegative()) {
                    return parsed;
                }
            } catch (DateTimeParseException e) {
                throw invalid(b, setting, given);
            }
        }
        Matcher matcher = AMOUNT.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw invalid(b, setting, given);
        }
        return millis(b, setting, given, matcher.group(1), matcher.group(2) == null ? "s" : matcher.group(2));
    }

    private static Duration millis(DatabaseSettings.Builder b, Setting setting, Given given, String amount, String unit) {
        long perUnit = switch (unit) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000;
        };
        try {
            return Duration.ofMillis(new BigDecimal(amount).multiply(BigDecimal.valueOf(perUnit)).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(b, setting, given);
        }
    }

    static Map<String, String> options(DatabaseSettings.Builder b, Given given) {
        Map<String, String> options = new LinkedHashMap<>();
        switch (given.value()) {
            case null -> {
            }
            case Map<?, ?> map -> map.forEach((k, v) -> options.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            case String s -> {
                for (String pair : s.split("&")) {
                    if (pair.isBlank()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw invalid(b, Setting.OPTIONS, given);
                    }
                    options.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            default -> throw invalid(b, Setting.OPTIONS, given);
        }
        return options;
    }

    private static ConfigurationException invalid(DatabaseSettings.Builder b, Setting setting, Given given) {
        // Passwords, URLs and driver options may hold secrets: their values are never repeated, nor is a map or a
        // list given where a single value belongs (it may be the OPTIONS or a whole database under the wrong key).
        Object value = given.value();
        String shown = setting == Setting.PASSWORD || setting == Setting.URL || setting == Setting.OPTIONS ? ""
                : value instanceof java.util.Map || value instanceof java.util.Collection ? " (a map or list)"
                : " '" + value + "'";
        String key = given.key().equals(setting.key()) ? setting.key() : given.key() + " (" + setting.key() + ")";
        return ConfigurationException.of(b.alias(), key, "has an invalid value" + shown, setting.hint());
    }
}
