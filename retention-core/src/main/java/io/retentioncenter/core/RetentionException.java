package io.retentioncenter.core;

/**
 * Root of every exception the library throws on purpose. Unchecked, so host code decides where to
 * catch; subclasses say what went wrong and carry the offending field or id where there is one.
 */
public class RetentionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public RetentionException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public RetentionException(String message, Throwable cause) {
        super(message, cause);
    }
}
