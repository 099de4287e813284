package io.retentioncenter.channels.sms.retail;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.channels.sms.HmacBodySignature;
import io.retentioncenter.channels.sms.delivery.DeliveryReport;
import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.internal.PayloadIds;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses an SMS-Retail delivery report as the original application assumed it (unverified):
 * body {@code {"id": 12345, "status": "delivered"}} (an optional {@code phone} is used when
 * present), signed with {@code X-Signature: <hex HMAC-SHA256(secret, raw body)>}; the signature is
 * required unless the builder was explicitly told {@link Builder#unauthenticated()}. The event is
 * dated when it is parsed, since the assumed body carries no time. Thread-safe.
 */
public final class SmsRetailDeliveryWebhook {
    /** Header carrying the hex HMAC of the body. */
    public static final String SIGNATURE_HEADER = "X-Signature";

    private static final Logger log = LoggerFactory.getLogger(SmsRetailDeliveryWebhook.class);

    private final Optional<HmacBodySignature> signature;
    private final Clock clock;
    private final int maxBodyBytes;

    private SmsRetailDeliveryWebhook(Builder b) {
        this.signature = b.signature;
        this.clock = b.clock;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /** Starts a builder; set {@link Builder#secret} or, for development only, call {@link Builder#unauthenticated()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Authenticates and parses one delivery report.
     *
     * @param rawBody the exact request body bytes
     * @param signatureHeader the {@value #SIGNATURE_HEADER} value, null when absent
     * @return one event, or none for status {@code UNKNOWN}
     * @throws AuthenticationException when the signature is missing or wrong (unless built unauthenticated)
     * @throws InvalidPayloadException naming the field when the body is empty, too large, not JSON,
     *     lacks {@code id} or {@code status}, has a wrong type, or an unknown status
     */
    public List<ProviderEvent> parse(byte[] rawBody, String signatureHeader) {
        signature.ifPresent(s -> s.verify(rawBody, signatureHeader));
        JsonNode body = JsonPayload.parseObject(rawBody, maxBodyBytes);
        return new DeliveryReport(
                SmsRetailProvider.NAME,
                PayloadIds.required(JsonPayload.requiredText(body, "id", "id"), "id"),
                JsonPayload.requiredText(body, "status", "status"),
                PayloadIds.optional(JsonPayload.optionalText(body, "phone", "phone"), "phone"),
                clock.instant(),
                Optional.empty())
                .toEvents();
    }

    /** Builder; exactly one of {@link #secret} and {@link #unauthenticated()} is required. */
    public static final class Builder {
        private Optional<HmacBodySignature> signature = Optional.empty();
        private boolean unauthenticated;
        private Clock clock = Clock.systemUTC();
        private int maxBodyBytes = JsonPayload.DEFAULT_MAX_BYTES;

        private Builder() {
        }

        /** The shared webhook secret; when set, unsigned or mis-signed reports are rejected. */
        public Builder secret(String value) {
            signature = Optional.of(new HmacBodySignature(SIGNATURE_HEADER, value));
            return this;
        }

        /**
         * Accepts reports without a signature. Development and routes the host authenticates itself
         * only: anyone could post delivery reports.
         */
        public Builder unauthenticated() {
            unauthenticated = true;
            return this;
        }

        /** Clock that dates the events. */
        public Builder clock(Clock value) {
            if (value == null) {
                throw new ConfigurationException(SmsRetailProvider.NAME + ": clock is required");
            }
            clock = value;
            return this;
        }

        /** Largest accepted body; default {@link JsonPayload#DEFAULT_MAX_BYTES}. */
        public Builder maxBodyBytes(int value) {
            if (value < 1) {
                throw new ConfigurationException(SmsRetailProvider.NAME + ": maxBodyBytes must be positive");
            }
            maxBodyBytes = value;
            return this;
        }

        /**
         * Builds the parser.
         *
         * @throws ConfigurationException unless exactly one of {@link #secret} and {@link #unauthenticated()} was chosen
         */
        public SmsRetailDeliveryWebhook build() {
            if (signature.isEmpty() && !unauthenticated) {
                throw new ConfigurationException(SmsRetailProvider.NAME
                        + " delivery webhook: set secret, or call unauthenticated() explicitly for development");
            }
            if (signature.isPresent() && unauthenticated) {
                throw new ConfigurationException(SmsRetailProvider.NAME
                        + " delivery webhook: secret and unauthenticated() exclude each other");
            }
            if (unauthenticated) {
                log.warn("{} delivery webhook signature checks are disabled (unauthenticated); use only in development",
                        SmsRetailProvider.NAME);
            }
            return new SmsRetailDeliveryWebhook(this);
        }
    }
}
