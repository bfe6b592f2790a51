package org.redress.app.web;

/** A request the caller must fix: the HTTP status and a message saying what is wrong. */
final class ApiError extends RuntimeException {

    final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
