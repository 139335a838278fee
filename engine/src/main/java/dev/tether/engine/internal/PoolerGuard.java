package dev.tether.engine.internal;

import dev.tether.api.DatabaseSettings;
import dev.tether.api.Pooler;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Behind a transaction-mode pooler (POOLER 'transaction') the next transaction may run on another server session,
 * and this one's session state stays behind for another client: such statements are refused before they run.
 */
final class PoolerGuard {
    /** SET with a session scope; SET LOCAL, SET TRANSACTION and SET CONSTRAINTS end with the transaction. */
    private static final Pattern SESSION_SET = Pattern.compile("(?is)SET\\s+(?!LOCAL\\b|TRANSACTION\\b|CONSTRAINTS\\b).*");
    private static final Pattern LISTEN = Pattern.compile("(?is)LISTEN\\b.*");
    /** pg_advisory_lock, pg_try_advisory_lock and their _shared forms; the _xact_ ones end with the transaction. */
    private static final Pattern SESSION_LOCK = Pattern.compile("(?i)\\bpg_(try_)?advisory_lock(_shared)?\\s*\\(");
    /** The opening tag of a PostgreSQL dollar-quoted string: {@code $$} or {@code $tag$}. */
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

    private PoolerGuard() {
    }

    /** Refuses {@code sql} if it leaves session state a transaction-mode pooler would hand to another client. */
    static void checkSql(DatabaseSettings settings, String sql) throws SQLException {
        if (settings.pooler() != Pooler.TRANSACTION || sql == null) {
            return;
        }
        String code = codeOnly(sql);
        for (String statement : code.split(";")) {
            String text = statement.strip();
            if (SESSION_SET.matcher(text).matches()) {
                throw refused(settings, "SET changes the server session", "use SET LOCAL inside a transaction");
            }
            if (LISTEN.matcher(text).matches()) {
                throw refused(settings, "LISTEN needs one server session to stay with this client",
                        "listen on a connection that bypasses the pooler");
            }
        }
        if (SESSION_LOCK.matcher(code).find()) {
            throw refused(settings, "a session advisory lock outlives the transaction",
                    "use pg_advisory_xact_lock or pg_try_advisory_xact_lock");
        }
    }

    /** Refuses a JDBC call ({@code setSchema}, ...) that changes server session state. */
    static void checkSessionChange(DatabaseSettings settings, String call) throws SQLException {
        if (settings.pooler() == Pooler.TRANSACTION) {
            throw refused(settings, call + " changes the server session",
                    "set it per transaction in SQL (SET LOCAL, SET TRANSACTION ...), or in the pooler's or role's defaults");
        }
    }

    private static SQLException refused(DatabaseSettings settings, String what, String fix) {
        return new SQLException("[" + settings.alias() + "] " + what + ", and with POOLER 'transaction' the pooler gives "
                + "that server session to another client after this transaction: " + fix + ", or connect without a "
                + "transaction-mode pooler (POOLER 'session' or 'none')", "0A000");
    }

    /** The SQL with string literals, quoted identifiers and comments blanked out, so only code is matched. */
    static String codeOnly(String sql) {
        StringBuilder code = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '"' || c == '`') {
                end = closingQuote(sql, i, c);
            } else if (c == '-' && sql.startsWith("--", i)) {
                end = lineEnd(sql, i);
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? sql.length() : close + 2;
            } else if (c == '$' && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                end = dollarQuoteEnd(sql, i);
            } else {
                end = i;
            }
            if (end > i) {
                code.append(' ');
                i = end;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    /** After the quote closing the one at {@code start}; a doubled quote is part of the literal. */
    private static int closingQuote(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int lineEnd(String sql, int start) {
        int newline = sql.indexOf('\n', start);
        return newline < 0 ? sql.length() : newline + 1;
    }

    /** After a PostgreSQL dollar-quoted string ({@code $$...$$}, {@code $tag$...$tag$}); {@code start} if none starts here. */
    private static int dollarQuoteEnd(String sql, int start) {
        var tag = DOLLAR_TAG.matcher(sql).region(start, sql.length());
        if (!tag.lookingAt()) {
            return start; // a parameter such as $1
        }
        int close = sql.indexOf(tag.group(), tag.end());
        return close < 0 ? sql.length() : close + tag.group().length();
    }
}
