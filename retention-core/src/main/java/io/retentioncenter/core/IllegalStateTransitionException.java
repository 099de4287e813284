package io.retentioncenter.core;

/** A status change that the entity's state machine does not allow, e.g. leaving DO_NOT_CONTACT. */
public class IllegalStateTransitionException extends RetentionException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for {@code entity} moving from {@code from} to {@code to}. */
    public IllegalStateTransitionException(String entity, Enum<?> from, Enum<?> to) {
        super(entity + " cannot move from " + from + " to " + to);
    }
}
