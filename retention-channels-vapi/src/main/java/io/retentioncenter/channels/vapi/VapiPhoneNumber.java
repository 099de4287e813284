package io.retentioncenter.channels.vapi;

import java.util.Optional;

/**
 * A VAPI phone number, for an operator picking the one a campaign calls from
 * ({@link VapiCallProvider#SETTING_PHONE_NUMBER_ID}).
 *
 * @param id the phone number id
 * @param number the number in E.164, when VAPI gives one (SIP numbers have none)
 * @param name its name, when set
 * @param provider the telephony provider behind it (e.g. {@code twilio}, {@code vapi}), when given
 */
public record VapiPhoneNumber(String id, Optional<String> number, Optional<String> name, Optional<String> provider) {
}
