package io.retentioncenter.core;

/**
 * A channel provider call failed in a way the provider adapter could not turn into a
 * {@link io.retentioncenter.core.spi.SendResult}: misconfiguration or an unusable response.
 */
public class ProviderException extends RetentionException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message. */
    public ProviderException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the cause. */
    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
