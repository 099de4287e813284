package io.retentioncenter.channels.instantly;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.internal.InputText;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.internal.PayloadIds;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.Lead;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an Instantly webhook delivery into normalized {@link ProviderEvent}s. Thread-safe and stateless
 * once built.
 *
 * <p>Authentication: Instantly signs nothing (PROVIDERS S2); the subscription's {@code headers} object
 * makes Instantly send a custom header, which is compared with the configured secret in constant time
 * ({@link Builder#authHeader}). {@link Builder#unauthenticated()} skips the check, for tests and local
 * development only.
 *
 * <p>Mapping of the payload {@code event_type}: {@code email_sent} → SENT, {@code email_opened} →
 * OPENED, {@code email_link_clicked} / {@code link_clicked} → CLICKED, {@code reply_received} →
 * REPLIED (with {@code reply_text_snippet} as transcript), {@code email_bounced} → FAILED,
 * {@code lead_unsubscribed} → OPTED_OUT. Every other label — {@code auto_reply_received}, the
 * {@code lead_*} interest labels, {@code campaign_completed}, {@code account_error}, custom workspace
 * labels (Instantly's labels are an open set) — yields an empty list: acknowledged, nothing applied.
 *
 * <p>Correlation: {@code rc_attempt_id} (a lead custom variable echoed as a top-level key) and the
 * lower-cased {@code lead_email}; a mapped event needs at least one. The event key is derived from
 * {@code event_type}, {@code email_id}, {@code lead_email}, {@code step} and {@code timestamp}, so a
 * redelivered webhook has the same key.
 */
public final class InstantlyWebhooks {
    private static final Logger log = LoggerFactory.getLogger(InstantlyWebhooks.class);
    private static final int MIN_SECRET_LENGTH = 16;
    private static final int MAX_EMAIL_LENGTH = 254;

    private final Optional<SharedSecretHeader> auth;
    private final int maxBodyBytes;

    private InstantlyWebhooks(Optional<SharedSecretHeader> auth, int maxBodyBytes) {
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Starts a builder; choose {@link Builder#authHeader} or {@link Builder#unauthenticated()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Authenticates and parses one delivery.
     *
     * @param headers the request headers; names are matched case-insensitively
     * @param body the raw request body
     * @return zero or one event (zero for labels that do not move an attempt)
     * @throws AuthenticationException when the auth header is missing, repeated or wrong
     * @throws InvalidPayloadException when the body is empty, too large, not a JSON object, or a field
     *     is missing or malformed
     * @throws io.retentioncenter.core.ValidationException when {@code headers} is null
     */
    public List<ProviderEvent> parse(Map<String, List<String>> headers, byte[] body) {
        Require.present(headers, "headers");
        return parse(name -> singleHeader(headers, name), body);
    }

    /**
     * Authenticates and parses one delivery, reading headers through {@code header}, which must look
     * names up case-insensitively (as HTTP requires) and return the header's single value.
     *
     * @param header returns the value of the named header, or empty when absent
     * @param body the raw request body
     * @return zero or one event (zero for labels that do not move an attempt)
     * @throws AuthenticationException when the auth header is missing or wrong
     * @throws InvalidPayloadException when the body is empty, too large, not a JSON object, or a field
     *     is missing or malformed
     * @throws io.retentioncenter.core.ValidationException when {@code header} is null
     */
    public List<ProviderEvent> parse(Function<String, Optional<String>> header, byte[] body) {
        Require.present(header, "header");
        auth.ifPresent(a -> a.verify(header));
        JsonNode json = JsonPayload.parseObject(body, maxBodyBytes);
        String label = requiredString(json, "event_type");
        Instant occurredAt = timestamp(json);
        Optional<ProviderEventType> type = InstantlyEventType.forLabel(label);
        if (type.isEmpty()) {
            log.debug("Instantly webhook {} ignored: no attempt change for this label", InputText.echo(label));
            return List.of();
        }
        return List.of(event(json, label, type.get(), occurredAt));
    }

    /** The auth header a subscription must set, for {@link InstantlyWebhookSubscriber}. */
    Optional<SharedSecretHeader> auth() {
        return auth;
    }

    private static ProviderEvent event(JsonNode json, String label, ProviderEventType type, Instant occurredAt) {
        Optional<String> attemptId = PayloadIds.optional(JsonPayload.optionalText(json, InstantlyVariables.ATTEMPT_ID,
                InstantlyVariables.ATTEMPT_ID), InstantlyVariables.ATTEMPT_ID);
        Optional<String> recipient = leadEmail(json);
        if (attemptId.isEmpty() && recipient.isEmpty()) {
            throw new InvalidPayloadException("lead_email",
                    "is required when " + InstantlyVariables.ATTEMPT_ID + " is absent");
        }
        Optional<String> emailId = JsonPayload.optionalText(json, "email_id", "email_id");
        Optional<String> step = JsonPayload.optionalText(json, "step", "step");
        ProviderEvent.Builder event = ProviderEvent.builder(
                eventKey(label, emailId, recipient, step, occurredAt), Channel.EMAIL, InstantlyEmailProvider.NAME,
                type, occurredAt).detail(label);
        attemptId.ifPresent(event::attemptId);
        recipient.ifPresent(event::recipient);
        if (type == ProviderEventType.REPLIED) {
            JsonPayload.optionalText(json, "reply_text_snippet", "reply_text_snippet").ifPresent(event::transcript);
        }
        log.debug("Instantly webhook {} for attempt {} / {}", label, attemptId.orElse("-"),
                recipient.map(Lead::maskEmail).orElse("-"));
        return event.build();
    }

    private static String requiredString(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidPayloadException(field, "is required");
        }
        if (!node.isTextual()) {
            throw new InvalidPayloadException(field, "must be a string, was " + node.getNodeType());
        }
        String value = node.textValue().trim();
        if (value.isEmpty()) {
            throw new InvalidPayloadException(field, "is required");
        }
        return value;
    }

    private static Instant timestamp(JsonNode json) {
        String value = requiredString(json, "timestamp");
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
        } catch (DateTimeParseException e) {
            throw new InvalidPayloadException("timestamp", "must be an ISO-8601 date-time with offset, was '"
                    + InputText.echo(value) + "'", e);
        }
    }

    private static Optional<String> leadEmail(JsonNode json) {
        JsonNode node = json.get("lead_email");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new InvalidPayloadException("lead_email", "must be a string, was " + node.getNodeType());
        }
        String email = node.textValue().trim().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            return Optional.empty();
        }
        if (email.indexOf('@') <= 0 || email.indexOf('@') == email.length() - 1) {
            throw new InvalidPayloadException("lead_email", "is not an email address");
        }
        return PayloadIds.optional(Optional.of(email), "lead_email", MAX_EMAIL_LENGTH);
    }

    /** {@code instantly:<label>:<sha-256 of the identifying fields>}: stable and free of the address. */
    private static String eventKey(String label, Optional<String> emailId, Optional<String> recipient,
            Optional<String> step, Instant occurredAt) {
        String identity = String.join("\n", label, emailId.orElse(""), recipient.orElse(""), step.orElse(""),
                occurredAt.toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "instantly:" + label + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static Optional<String> singleHeader(Map<String, List<String>> headers, String name) {
        List<String> values = headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue() == null ? Stream.empty() : e.getValue().stream())
                .filter(Objects::nonNull)
                .toList();
        if (values.size() > 1) {
            throw new AuthenticationException("Instantly webhook: header " + name + " was sent more than once");
        }
        return values.stream().findFirst();
    }

    /** Builder for {@link InstantlyWebhooks}; exactly one of the two authentication choices is required. */
    public static final class Builder {
        private Optional<SharedSecretHeader> auth = Optional.empty();
        private boolean unauthenticated;
        private int maxBodyBytes = JsonPayload.DEFAULT_MAX_BYTES;

        private Builder() {
        }

        /**
         * Requires header {@code name} with value {@code secret} on every delivery — the pair the host put
         * in the webhook subscription's {@code headers}.
         *
         * @throws ConfigurationException when the name is not a header token or the secret is shorter
         *     than 16 characters
         */
        public Builder authHeader(String name, String secret) {
            if (name == null || !name.trim().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new ConfigurationException("instantly webhooks: auth header name must be an HTTP header token");
            }
            if (secret == null || secret.isBlank() || secret.trim().length() < MIN_SECRET_LENGTH) {
                throw new ConfigurationException("instantly webhooks: auth header secret must be at least "
                        + MIN_SECRET_LENGTH + " characters");
            }
            auth = Optional.of(new SharedSecretHeader(name.trim(), secret.trim()));
            return this;
        }

        /** Accepts deliveries without any authentication: for tests and local development only. */
        public Builder unauthenticated() {
            unauthenticated = true;
            return this;
        }

        /** Largest accepted body in bytes (default {@link JsonPayload#DEFAULT_MAX_BYTES}). */
        public Builder maxBodyBytes(int value) {
            if (value < 1) {
                throw new ConfigurationException("instantly webhooks: maxBodyBytes must be at least 1");
            }
            maxBodyBytes = value;
            return this;
        }

        /**
         * Builds the parser.
         *
         * @throws ConfigurationException unless exactly one of {@link #authHeader} and
         *     {@link #unauthenticated()} was chosen
         */
        public InstantlyWebhooks build() {
            if (auth.isPresent() == unauthenticated) {
                throw new ConfigurationException("instantly webhooks: choose exactly one of authHeader(name, secret) "
                        + "and unauthenticated()");
            }
            if (unauthenticated) {
                log.warn("Instantly webhooks accept unauthenticated deliveries: use only in tests and development");
            }
            return new InstantlyWebhooks(auth, maxBodyBytes);
        }
    }
}
