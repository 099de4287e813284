package io.retentioncenter.core.http;

import io.retentioncenter.core.ProviderException;

/**
 * A provider request got no HTTP answer: the connection failed, the request timed out, or the
 * transport gave up at its deadline. {@link #mayHaveReachedProvider()} tells whether the provider may
 * have received (and acted on) the request.
 */
public class ProviderTransportException extends ProviderException {
    private static final long serialVersionUID = 1L;

    private final boolean mayHaveReachedProvider;

    /**
     * Creates the exception.
     *
     * @param message what failed, without request content
     * @param cause the last I/O error, if any
     * @param mayHaveReachedProvider false only when no try can have reached the provider (every
     *     connection was refused or never made)
     */
    public ProviderTransportException(String message, Throwable cause, boolean mayHaveReachedProvider) {
        super(message, cause);
        this.mayHaveReachedProvider = mayHaveReachedProvider;
    }

    /**
     * Whether the provider may have received the request. False means it provably did not (no
     * connection was ever made), so sending again cannot duplicate anything.
     */
    public boolean mayHaveReachedProvider() {
        return mayHaveReachedProvider;
    }
}
