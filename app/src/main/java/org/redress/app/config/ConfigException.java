package org.redress.app.config;

/** A wrong configuration: the message names the file, the setting and what is wrong with it. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
