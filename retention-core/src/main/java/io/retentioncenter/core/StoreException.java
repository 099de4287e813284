package io.retentioncenter.core;

/** The store failed (database error, broken connection); the cause carries the driver's exception. */
public class StoreException extends RetentionException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message and the underlying cause. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception with a message. */
    public StoreException(String message) {
        super(message);
    }
}
