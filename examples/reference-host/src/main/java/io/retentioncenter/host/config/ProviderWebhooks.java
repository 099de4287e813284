package io.retentioncenter.host.config;

import static io.retentioncenter.host.config.RetentionProperties.given;

import io.retentioncenter.channels.instantly.InstantlyWebhooks;
import io.retentioncenter.channels.sms.inbound.InboundSmsParser;
import io.retentioncenter.channels.sms.retail.SmsRetailDeliveryWebhook;
import io.retentioncenter.channels.sms.twentythree.TwentyThreeTelecomDeliveryWebhook;
import io.retentioncenter.channels.vapi.VapiServerMessages;
import java.time.Clock;
import java.util.Optional;

/**
 * The channel modules' webhook parsers, each present only when its secret is configured: the host
 * never accepts unauthenticated provider events.
 *
 * @param instantly Instantly events
 * @param twentyThree 23 Telecom delivery reports
 * @param smsRetail SMS-Retail delivery reports
 * @param inboundSms inbound SMS (replies and STOP)
 * @param inboundSmsHeader the header carrying the inbound-SMS signature
 * @param vapi VAPI server messages
 */
public record ProviderWebhooks(Optional<InstantlyWebhooks> instantly,
        Optional<TwentyThreeTelecomDeliveryWebhook> twentyThree, Optional<SmsRetailDeliveryWebhook> smsRetail,
        Optional<InboundSmsParser> inboundSms, String inboundSmsHeader, Optional<VapiServerMessages> vapi) {

    /** The parsers the properties describe; {@code smsProvider} names the events of inbound SMS. */
    public static ProviderWebhooks from(RetentionProperties p, Clock clock, String smsProvider) {
        return new ProviderWebhooks(
                given(p.instantly().webhookSecret()).map(secret -> InstantlyWebhooks.builder()
                        .authHeader(p.instantly().webhookHeader(), secret).build()),
                given(p.twentythree().webhookSecret()).map(secret -> TwentyThreeTelecomDeliveryWebhook.builder()
                        .secret(secret).clock(clock).build()),
                given(p.smsretail().webhookSecret()).map(secret -> SmsRetailDeliveryWebhook.builder()
                        .secret(secret).clock(clock).build()),
                given(p.inboundSms().secret()).map(secret -> InboundSmsParser.builder(smsProvider)
                        .signature(p.inboundSms().signatureHeader(), secret).clock(clock).build()),
                p.inboundSms().signatureHeader(),
                given(p.vapi().serverToken()).map(token -> VapiServerMessages.builder()
                        .bearerToken(token).clock(clock).build()));
    }
}
