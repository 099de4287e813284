package io.retentioncenter.core.http;

import io.retentioncenter.core.ProviderException;

/** Every try of a provider request timed out or failed at the network level. */
public class ProviderTransportException extends ProviderException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the last cause. */
    public ProviderTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
