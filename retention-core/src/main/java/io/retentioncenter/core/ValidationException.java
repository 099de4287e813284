package io.retentioncenter.core;

/**
 * An argument of a public call is missing or malformed. {@link #field()} names the offending
 * field; nothing was stored when this is thrown.
 */
public class ValidationException extends RetentionException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /** Creates the exception for {@code field} with a human-readable {@code problem}. */
    public ValidationException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** Creates the exception for {@code field} with a human-readable {@code problem} and a cause. */
    public ValidationException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
    }

    /** The name of the field (or parameter, or JSON path) that failed validation. */
    public String field() {
        return field;
    }
}
