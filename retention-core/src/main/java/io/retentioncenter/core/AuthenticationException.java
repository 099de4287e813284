package io.retentioncenter.core;

/**
 * An inbound request failed its authenticity check (signature, shared secret or verify token).
 * Nothing was applied. The message never contains the expected secret.
 */
public class AuthenticationException extends RetentionException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the failed check. */
    public AuthenticationException(String message) {
        super(message);
    }
}
