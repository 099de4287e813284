package io.retentioncenter.core;

/**
 * The call is well formed but the current state forbids it, e.g. deleting a sequence that is not a
 * DRAFT or re-enrolling a lead inside the cooldown.
 */
public class ConflictException extends RetentionException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message explaining the conflict. */
    public ConflictException(String message) {
        super(message);
    }
}
