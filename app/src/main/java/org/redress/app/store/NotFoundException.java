package org.redress.app.store;

/** A complaint, promise, incident or remedy that the desk does not have. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
