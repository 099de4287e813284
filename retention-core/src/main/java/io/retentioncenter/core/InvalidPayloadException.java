package io.retentioncenter.core;

/**
 * An inbound payload (webhook body, postback parameters, provider response) cannot be accepted:
 * empty, not JSON, wrong types, missing fields, unknown values or too large. Nothing was applied.
 */
public class InvalidPayloadException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the JSON path or parameter {@code field}. */
    public InvalidPayloadException(String field, String problem) {
        super(field, problem);
    }

    /** Creates the exception for {@code field} with the parser's cause attached. */
    public InvalidPayloadException(String field, String problem, Throwable cause) {
        super(field, problem, cause);
    }
}
