package org.redress.app.store;

/** The desk's database cannot be opened or used; the message names the database and the cause. */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
