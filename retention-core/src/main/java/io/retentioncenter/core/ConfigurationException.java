package io.retentioncenter.core;

/** A builder or configuration is incomplete or inconsistent; the message says what to set. */
public class ConfigurationException extends RetentionException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the missing or bad setting. */
    public ConfigurationException(String message) {
        super(message);
    }
}
