package io.retentioncenter.channels.vapi;

import java.util.Optional;

/**
 * What one call is placed with, after resolving script &gt; campaign &gt; integration defaults.
 *
 * @param assistantId the VAPI assistant that talks
 * @param phoneNumberId the VAPI phone number the call comes from
 * @param firstMessage the assistant's first sentence, when the script overrides it
 */
record CallTarget(String assistantId, String phoneNumberId, Optional<String> firstMessage) {
}
