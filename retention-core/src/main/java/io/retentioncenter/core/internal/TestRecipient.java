package io.retentioncenter.core.internal;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The stand-in lead of a test send: the operator's address under the fixed id {@link #LEAD_ID}, never
 * stored, so scripts render and providers get what a real send carries.
 */
public final class TestRecipient {
    /** The lead id test attempts carry; no stored lead has it. */
    public static final String LEAD_ID = "rc-test-recipient";

    private TestRecipient() {
    }

    /** A NEW lead reached at {@code address} on {@code channel}, named {@code firstName}/{@code lastName}. */
    public static Lead lead(Channel channel, String address, Optional<String> firstName, Optional<String> lastName,
            Instant now) {
        Optional<String> email = channel.needsPhone() ? Optional.empty() : Optional.of(address);
        Optional<String> phone = channel.needsPhone() ? Optional.of(address) : Optional.empty();
        return new Lead(LEAD_ID, Optional.empty(), firstName, lastName, email, phone, LeadSource.MANUAL, LeadStatus.NEW,
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), 0, now, now);
    }
}
