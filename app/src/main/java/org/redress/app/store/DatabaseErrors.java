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
                return Optional.of(explain(sql, causes(sql)));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the failure is the database refusing a value (SQLState class 22: too long for its column, a number out
     * of range): the request's fault, never the desk's.
     */
    public static boolean refusedValue(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure for the log: the classes down its cause chain, with a database's SQLState and error code, and no
     * message, since drivers put the statement's values (an address, a password hash) in theirs.
     */
    public static String forTheLog(Throwable failure) {
        StringBuilder out = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            out.append(out.isEmpty() ? "" : " <- ").append(t.getClass().getName());
            if (t instanceof SQLException sql) {
                out.append(" (SQLState ").append(sql.getSQLState()).append(", code ").append(sql.getErrorCode()).append(')');
            } else if (!(t.getClass().getName().startsWith("org.jdbi")) && t.getMessage() != null) {
                out.append(": ").append(firstLine(t.getMessage()));
            }
            StackTraceElement[] at = t.getStackTrace();
            for (StackTraceElement e : at) {
                if (e.getClassName().startsWith("org.redress")) {
                    out.append(" at ").append(e.getClassName()).append('.').append(e.getMethodName()).append(':').append(e.getLineNumber());
                    break;
                }
            }
        }
        return out.toString();
    }

    /**
     * Every message below the failure, lower case: H2 says "Writing to FileChannel failed" and keeps "No space left
     * on device" in the IOException under it.
     */
    private static String causes(Throwable failure) {
        StringBuilder all = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            all.append(t.getMessage() == null ? "" : t.getMessage()).append('\n');
        }
        return all.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String explain(SQLException e, String lower) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (state.equals("23505") || state.startsWith("23")) {
            return "the database refused a row another run or node stored at the same moment (SQLState " + state
                    + "); run it again: what is stored stays, and nothing is stored twice";
        }
        if (state.equals("53100") || lower.contains("no space left") || lower.contains("disk full")) {
            return "the database's disk is full (SQLState " + state + "); free space and run it again";
        }
        if (state.equals("25006") || e.getErrorCode() == 90097 || lower.contains("read only") || lower.contains("read-only")
                || lower.contains("accessdeniedexception") || lower.contains("permission denied")) {
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
