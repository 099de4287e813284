package io.retentioncenter.core.contact;

import io.retentioncenter.core.internal.Require;
import java.util.Optional;

/**
 * A test send: script {@code scriptId} on its channel, rendered for a stand-in lead named
 * {@code firstName}/{@code lastName}, to {@code recipient} (an email for EMAIL, a phone for SMS and
 * CALL), with the provider settings of {@code campaignId} (default: the script's campaign).
 *
 * @param scriptId the script to send
 * @param recipient where it goes
 * @param campaignId the campaign whose provider settings apply; empty for the script's own campaign
 * @param firstName the stand-in lead's first name, for rendering
 * @param lastName the stand-in lead's last name, for rendering
 * @param requestKey the host's key for this request (e.g. a form token): a repeated call with the same
 *     key sends nothing more and returns the first attempt; empty for none
 */
public record TestSend(String scriptId, String recipient, Optional<String> campaignId, Optional<String> firstName,
        Optional<String> lastName, Optional<String> requestKey) {

    /** Validates presence. */
    public TestSend {
        Require.text(scriptId, "scriptId");
        Require.text(recipient, "recipient");
        Require.present(campaignId, "campaignId");
        Require.present(firstName, "firstName");
        Require.present(lastName, "lastName");
        Require.present(requestKey, "requestKey");
    }

    /** A test send of {@code scriptId} to {@code recipient}. */
    public static TestSend of(String scriptId, String recipient) {
        return new TestSend(scriptId, recipient, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A copy with the provider settings of {@code id}. */
    public TestSend campaign(String id) {
        return new TestSend(scriptId, recipient, Optional.of(Require.text(id, "campaignId")), firstName, lastName,
                requestKey);
    }

    /** A copy rendered for a stand-in lead named {@code first} {@code last}. */
    public TestSend named(String first, String last) {
        return new TestSend(scriptId, recipient, campaignId, Require.optionalText(first), Require.optionalText(last),
                requestKey);
    }

    /** A copy with the host's request key. */
    public TestSend requestKey(String key) {
        return new TestSend(scriptId, recipient, campaignId, firstName, lastName,
                Optional.of(Require.text(key, "requestKey")));
    }
}
