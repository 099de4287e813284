package io.retentioncenter.channels.sms.twentythree;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.channels.sms.delivery.DeliveryReport;
import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.internal.InputText;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.internal.PayloadIds;
import io.retentioncenter.core.internal.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses the 23 Telecom delivery webhook ({@code POST} to the workspace's {@code delivery_url};
 * body {@code {message_id, recipient, sender_id, status, status_code, num_parts, cost, timestamp}})
 * into provider events. Every request must carry {@code X-Webhook-Timestamp} (unix seconds, within
 * the tolerance of the clock, so a captured request cannot be replayed later) and
 * {@code X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, "{timestamp}.{raw body}")>}, unless the
 * builder was explicitly told {@link Builder#unauthenticated()}. Thread-safe.
 */
public final class TwentyThreeTelecomDeliveryWebhook {
    /** Header carrying the signing time in unix seconds. */
    public static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
    /** Header carrying {@code sha256=<hex>}. */
    public static final String SIGNATURE_HEADER = "X-Webhook-Signature";

    private static final Logger log = LoggerFactory.getLogger(TwentyThreeTelecomDeliveryWebhook.class);
    private final Optional<String> secret;
    private final Duration tolerance;
    private final Clock clock;
    private final int maxBodyBytes;

    private TwentyThreeTelecomDeliveryWebhook(Builder b) {
        this.secret = b.secret;
        this.tolerance = b.tolerance;
        this.clock = b.clock;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /** Starts a builder; set {@link Builder#secret} or, for development only, call {@link Builder#unauthenticated()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Authenticates and parses one delivery webhook.
     *
     * @param rawBody the exact request body bytes
     * @param timestampHeader the {@value #TIMESTAMP_HEADER} value, null when absent
     * @param signatureHeader the {@value #SIGNATURE_HEADER} value, null when absent
     * @return one event, or none for status {@code UNKNOWN}
     * @throws AuthenticationException when the headers are missing, stale or wrong (unless built unauthenticated)
     * @throws InvalidPayloadException naming the field when the body is empty, too large, not JSON,
     *     lacks {@code message_id} or {@code status}, has a wrong type, or an unknown status
     */
    public List<ProviderEvent> parse(byte[] rawBody, String timestampHeader, String signatureHeader) {
        secret.ifPresent(s -> verify(s, rawBody, timestampHeader, signatureHeader));
        JsonNode body = JsonPayload.parseObject(rawBody, maxBodyBytes);
        return new DeliveryReport(
                TwentyThreeTelecomSmsProvider.NAME,
                PayloadIds.required(JsonPayload.requiredText(body, "message_id", "message_id"), "message_id"),
                JsonPayload.requiredText(body, "status", "status"),
                PayloadIds.optional(JsonPayload.optionalText(body, "recipient", "recipient"), "recipient"),
                JsonPayload.optionalText(body, "timestamp", "timestamp").map(this::instant).orElseGet(clock::instant),
                JsonPayload.optionalText(body, "status_code", "status_code"))
                .toEvents();
    }

    private void verify(String secret, byte[] rawBody, String timestampHeader, String signatureHeader) {
        if (timestampHeader == null || timestampHeader.isBlank()) {
            throw new AuthenticationException(TIMESTAMP_HEADER + " header is missing");
        }
        String timestamp = timestampHeader.trim();
        if (!timestamp.matches("\\d{1,12}")) {
            throw new AuthenticationException(TIMESTAMP_HEADER + " must be unix seconds");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw new AuthenticationException(TIMESTAMP_HEADER + " is " + age.toSeconds()
                    + " s away from now, over the tolerance of " + tolerance.toSeconds() + " s");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new AuthenticationException(SIGNATURE_HEADER + " header is missing");
        }
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] body = rawBody == null ? new byte[0] : rawBody;
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        String expected = "sha256=" + Signatures.hmacSha256Hex(secret, signed);
        if (!Signatures.constantTimeEquals(expected, signatureHeader.trim().toLowerCase(Locale.ROOT))) {
            throw new AuthenticationException(SIGNATURE_HEADER + " does not match the request");
        }
    }

    private Instant instant(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidPayloadException("timestamp", "must be an ISO 8601 date-time, was '"
                    + InputText.echo(timestamp) + "'", e);
        }
    }

    /** Builder; exactly one of {@link #secret} and {@link #unauthenticated()} is required. */
    public static final class Builder {
        private Optional<String> secret = Optional.empty();
        private boolean unauthenticated;
        private Duration tolerance = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private int maxBodyBytes = JsonPayload.DEFAULT_MAX_BYTES;

        private Builder() {
        }

        /** The workspace's webhook signing secret; when set, unsigned or mis-signed requests are rejected. */
        public Builder secret(String value) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException(TwentyThreeTelecomSmsProvider.NAME + ": webhook secret must not be blank");
            }
            secret = Optional.of(value);
            return this;
        }

        /**
         * Accepts requests without checking the signature (23 Telecom signing is opt-in per workspace).
         * Development and routes the host authenticates itself only: anyone could post delivery reports.
         */
        public Builder unauthenticated() {
            unauthenticated = true;
            return this;
        }

        /** Largest accepted distance between {@value TwentyThreeTelecomDeliveryWebhook#TIMESTAMP_HEADER} and now; default 5 minutes. */
        public Builder tolerance(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new ConfigurationException(TwentyThreeTelecomSmsProvider.NAME + ": tolerance must be positive");
            }
            tolerance = value;
            return this;
        }

        /** Clock for the staleness check and for reports without a {@code timestamp}. */
        public Builder clock(Clock value) {
            if (value == null) {
                throw new ConfigurationException(TwentyThreeTelecomSmsProvider.NAME + ": clock is required");
            }
            clock = value;
            return this;
        }

        /** Largest accepted body; default {@link JsonPayload#DEFAULT_MAX_BYTES}. */
        public Builder maxBodyBytes(int value) {
            if (value < 1) {
                throw new ConfigurationException(TwentyThreeTelecomSmsProvider.NAME + ": maxBodyBytes must be positive");
            }
            maxBodyBytes = value;
            return this;
        }

        /**
         * Builds the parser.
         *
         * @throws ConfigurationException unless exactly one of {@link #secret} and {@link #unauthenticated()} was chosen
         */
        public TwentyThreeTelecomDeliveryWebhook build() {
            if (secret.isEmpty() && !unauthenticated) {
                throw new ConfigurationException(TwentyThreeTelecomSmsProvider.NAME
                        + " delivery webhook: set secret, or call unauthenticated() explicitly for development");
            }
            if (secret.isPresent() && unauthenticated) {
                throw new ConfigurationException(TwentyThreeTelecomSmsProvider.NAME
                        + " delivery webhook: secret and unauthenticated() exclude each other");
            }
            if (unauthenticated) {
                log.warn("{} delivery webhook signature checks are disabled (unauthenticated); use only in development",
                        TwentyThreeTelecomSmsProvider.NAME);
            }
            return new TwentyThreeTelecomDeliveryWebhook(this);
        }
    }
}
