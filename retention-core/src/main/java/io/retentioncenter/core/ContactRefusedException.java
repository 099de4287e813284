package io.retentioncenter.core;

import io.retentioncenter.core.contact.RouteDecision;

/**
 * An operator's send was refused by the contact policy: the lead may not be contacted (opted out,
 * converted, rejected), has no address for the channel, reached the campaign's contact limit, or no
 * provider serves the channel. {@link #reason()} says which; nothing was stored.
 */
public class ContactRefusedException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final RouteDecision.Reason reason;

    /** Creates the exception for {@code reason} with a message naming the lead or address. */
    public ContactRefusedException(RouteDecision.Reason reason, String message) {
        super(message + " (" + reason + ")");
        this.reason = reason;
    }

    /** Why the send was refused. */
    public RouteDecision.Reason reason() {
        return reason;
    }
}
