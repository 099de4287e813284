package io.retentioncenter.core;

/**
 * The store failed (database error, broken connection); the cause carries the driver's exception.
 * {@link #isTransient()} tells a fault that the same call may survive on a fresh connection (a lost
 * connection, a database restart, a deadlock) from one that will fail again with the same data.
 */
public class StoreException extends RetentionException {
    private static final long serialVersionUID = 1L;

    private final boolean transientFault;

    /** Creates a non-transient exception with a message and the underlying cause. */
    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the driver's exception
     * @param transientFault whether trying again (on a fresh connection) may succeed
     */
    public StoreException(String message, Throwable cause, boolean transientFault) {
        super(message, cause);
        this.transientFault = transientFault;
    }

    /** Creates a non-transient exception with a message. */
    public StoreException(String message) {
        super(message);
        this.transientFault = false;
    }

    /**
     * Whether the fault is transient: the database was unreachable or the connection was lost, or the
     * statement lost a deadlock or serialization conflict. Such a call may succeed when repeated; any
     * other fault (a value the database refuses, a constraint, a bug) fails again with the same data.
     */
    public boolean isTransient() {
        return transientFault;
    }
}
