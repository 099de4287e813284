package io.retentioncenter.channels.vapi;

import java.util.Optional;

/**
 * A VAPI assistant, for an operator picking the one a campaign calls with
 * ({@link VapiCallProvider#SETTING_ASSISTANT_ID}).
 *
 * @param id the assistant id
 * @param name its name, when set
 */
public record VapiAssistant(String id, Optional<String> name) {
}
