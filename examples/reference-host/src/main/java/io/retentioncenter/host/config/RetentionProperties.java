package io.retentioncenter.host.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The host's configuration under {@code retention.*}. Secrets come from the environment through
 * Spring's relaxed binding: {@code RETENTION_API_KEY} sets {@code retention.api-key},
 * {@code RETENTION_INSTANTLY_API_KEY} sets {@code retention.instantly.api-key}, and so on. A
 * provider without its credentials is replaced by a recording provider; a webhook without its
 * secret answers 404 {@code not_configured}.
 *
 * @param apiKey the key management routes ({@code /api/**}) require in {@code X-Api-Key}; when
 *     unset, one is generated into {@code apiKeyFile} (refused under the {@code prod} profile)
 * @param apiKeyFile where a generated API key is kept, readable by the owner only
 * @param tickDelay pause between the end of one tick and the start of the next
 * @param shutdownTimeout how long shutdown waits for a running tick (and its dispatches) to finish
 * @param defaultRegion region for phone numbers written without a country code
 * @param maxBodySize the largest request body any route reads (VAPI end-of-call reports reach a few MB)
 * @param instantly EMAIL through Instantly
 * @param twentythree SMS through 23 Telecom (wins over SMS-Retail when both are set)
 * @param smsretail SMS through SMS-Retail
 * @param inboundSms the inbound-SMS (replies, STOP) webhook
 * @param vapi CALL through VAPI
 * @param meta Meta lead-ads webhooks and the Graph API
 * @param keitaro Keitaro postbacks
 */
@ConfigurationProperties("retention")
public record RetentionProperties(
        String apiKey,
        @DefaultValue("./data/api-key") Path apiKeyFile,
        @DefaultValue("10s") Duration tickDelay,
        @DefaultValue("30s") Duration shutdownTimeout,
        @DefaultValue("US") String defaultRegion,
        @DefaultValue("8MB") DataSize maxBodySize,
        @DefaultValue Instantly instantly,
        @DefaultValue TwentyThree twentythree,
        @DefaultValue SmsRetail smsretail,
        @DefaultValue InboundSms inboundSms,
        @DefaultValue Vapi vapi,
        @DefaultValue Meta meta,
        @DefaultValue Keitaro keitaro) {

    /** The value when it is set and not blank. */
    static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /**
     * Instantly: sending needs {@code apiKey} and {@code campaignId}; the webhook needs
     * {@code webhookSecret}, sent by Instantly in header {@code webhookHeader}.
     */
    public record Instantly(String apiKey, String campaignId, URI baseUrl,
            @DefaultValue("X-Webhook-Secret") String webhookHeader, String webhookSecret) {
    }

    /** 23 Telecom: sending needs {@code apiKey} and {@code senderId}; delivery reports need {@code webhookSecret}. */
    public record TwentyThree(String apiKey, String senderId, URI baseUrl, String webhookSecret) {
    }

    /** SMS-Retail: sending needs {@code apiKey}; delivery reports need {@code webhookSecret}. */
    public record SmsRetail(String apiKey, URI baseUrl, String webhookSecret) {
    }

    /** Inbound SMS: the HMAC-SHA256 body signature in {@code signatureHeader}, keyed with {@code secret}. */
    public record InboundSms(@DefaultValue("X-Signature") String signatureHeader, String secret) {
    }

    /**
     * VAPI: calling needs {@code apiKey}, {@code assistantId} and {@code phoneNumberId}; server
     * messages need {@code serverToken} (sent as {@code Authorization: Bearer}).
     */
    public record Vapi(String apiKey, String assistantId, String phoneNumberId, URI baseUrl, String serverToken) {
    }

    /**
     * Meta lead ads: the webhook needs {@code verifyToken} and {@code appSecret}, and a
     * {@code pageAccessToken} to fetch each lead from the Graph API (at {@code graphBaseUrl} when set).
     */
    public record Meta(String verifyToken, String appSecret, String pageAccessToken, URI graphBaseUrl) {
    }

    /** Keitaro: postbacks must carry {@code secret} (parameter or header). */
    public record Keitaro(String secret) {
    }
}
