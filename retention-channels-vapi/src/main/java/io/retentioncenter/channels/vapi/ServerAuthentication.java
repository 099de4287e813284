package io.retentioncenter.channels.vapi;

import io.retentioncenter.core.AuthenticationException;
import java.time.Instant;

/** Checks that a server message really comes from VAPI, before its body is parsed. */
@FunctionalInterface
interface ServerAuthentication {
    /** Accepts everything: for hosts that authenticate the route themselves. */
    ServerAuthentication NONE = (body, headers, now) -> { };

    /**
     * Verifies one request.
     *
     * @throws AuthenticationException naming the failed check, never the expected secret
     */
    void verify(byte[] body, RequestHeaders headers, Instant now);
}
