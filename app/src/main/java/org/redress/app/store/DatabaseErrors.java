package org.redress.app.store;

import java.sql.SQLException;
import java.util.Optional;

/**
 * What a database failure means to the person who ran the command, in one line: the cause (disk full, read-only,
 * locked, stored twice at once), never the statement or its bound values (a customer's address, a subject).
 */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /** The one-line explanation of a failure with a database cause, or empty when the failure has none. */
    public static Optional<String> describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(explain(sql));
            }
        }
        return Optional.empty();
    }

    private static String explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (state.equals("23505") || state.startsWith("23")) {
            return "the database refused a row another run or node stored at the same moment (SQLState " + state
                    + "); run it again: what is stored stays, and nothing is stored twice";
        }
        if (state.equals("53100") || lower.contains("no space left") || lower.contains("disk full")) {
            return "the database's disk is full (SQLState " + state + "); free space and run it again";
        }
        if (state.equals("25006") || e.getErrorCode() == 90097 || lower.contains("read only") || lower.contains("read-only")) {
            return "the database is read-only (SQLState " + state + "); the desk needs to write to it";
        }
        if (e.getErrorCode() == 90020 || lower.contains("locked by another process")) {
            return "the database is in use by another process (an H2 file opens in one process at a time); stop it, or use "
                    + "PostgreSQL for several nodes";
        }
        if (state.startsWith("08")) {
            return "cannot reach the database (SQLState " + state + "): " + firstLine(message);
        }
        return "the database failed (SQLState " + state + "): " + firstLine(message);
    }

    /** The message's first line, without the statement a driver may append to it. */
    private static String firstLine(String message) {
        String first = message.lines().findFirst().orElse("");
        int sql = first.indexOf("; SQL statement:");
        return (sql >= 0 ? first.substring(0, sql) : first).strip();
    }
}
