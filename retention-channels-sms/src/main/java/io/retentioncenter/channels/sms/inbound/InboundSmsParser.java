package io.retentioncenter.channels.sms.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.channels.sms.HmacBodySignature;
import io.retentioncenter.channels.sms.PhoneNumbers;
import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.internal.PayloadIds;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an inbound SMS (mobile-originated reply) webhook into a provider event: a
 * {@link StopKeywords} message becomes {@link ProviderEventType#OPTED_OUT} for the sender's phone,
 * anything else {@link ProviderEventType#REPLIED}. Neither 23 Telecom nor SMS-Retail documents an
 * inbound webhook, so the JSON field names are configurable (defaults {@code from}, {@code text},
 * {@code id}; dotted paths such as {@code data.payload.text} reach into nested objects), and so is
 * the HMAC-SHA256 body signature, which is required unless the builder was explicitly told
 * {@link Builder#unauthenticated()} (a forged STOP would put a lead on DO_NOT_CONTACT for good). The event carries the sender as recipient (E.164), the
 * message text as transcript, the matched keyword as keyword, and the key
 * {@code provider:mo:<id>} — or, without an id, {@code provider:mo:<SHA-256 of the body>} so a
 * re-delivered webhook is still a replay. Thread-safe.
 */
public final class InboundSmsParser {
    private static final Logger log = LoggerFactory.getLogger(InboundSmsParser.class);

    private final String provider;
    private final String fromField;
    private final String textField;
    private final String idField;
    private final Optional<HmacBodySignature> signature;
    private final Clock clock;
    private final int maxBodyBytes;

    private InboundSmsParser(Builder b) {
        this.provider = b.provider;
        this.fromField = b.fromField;
        this.textField = b.textField;
        this.idField = b.idField;
        this.signature = b.signature;
        this.clock = b.clock;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /**
     * Starts a builder; set {@link Builder#signature} or, for development only, call
     * {@link Builder#unauthenticated()}.
     *
     * @param provider the provider name put on events, normally the sending provider's {@code name()}
     */
    public static Builder builder(String provider) {
        return new Builder(provider);
    }

    /**
     * Authenticates (unless built unauthenticated) and parses one inbound message.
     *
     * @param rawBody the exact request body bytes
     * @param signatureHeader the signature header value, null when absent
     * @return exactly one event: OPTED_OUT or REPLIED
     * @throws AuthenticationException when the signature is missing or wrong (unless built unauthenticated)
     * @throws InvalidPayloadException naming the field when the body is empty, too large or not JSON,
     *     the sender or text is missing or of a wrong type, or the sender is not a phone number
     */
    public List<ProviderEvent> parse(byte[] rawBody, String signatureHeader) {
        signature.ifPresent(s -> s.verify(rawBody, signatureHeader));
        JsonNode body = JsonPayload.parseObject(rawBody, maxBodyBytes);
        String from = text(body, fromField).orElseThrow(() -> new InvalidPayloadException(fromField, "is required"));
        String phone = PhoneNumbers.toE164(from).orElseThrow(
                () -> new InvalidPayloadException(fromField, "is not an international phone number"));
        String message = text(body, textField).orElseThrow(() -> new InvalidPayloadException(textField, "is required"));
        String id = PayloadIds.optional(text(body, idField), idField).orElseGet(() -> sha256Hex(rawBody));
        Optional<String> keyword = StopKeywords.match(message);
        return List.of(ProviderEvent.builder(provider + ":mo:" + id, Channel.SMS, provider,
                        keyword.isPresent() ? ProviderEventType.OPTED_OUT : ProviderEventType.REPLIED, clock.instant())
                .recipient(phone)
                .detail(keyword.isPresent() ? "inbound SMS opt-out keyword" : "inbound SMS reply")
                .transcript(message)
                .keywords(keyword.map(List::of).orElseGet(List::of))
                .build());
    }

    private static Optional<String> text(JsonNode root, String path) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || child.isNull()) {
                return Optional.empty();
            }
            if (!child.isObject()) {
                throw new InvalidPayloadException(String.join(".", List.of(parts).subList(0, i + 1)), "must be an object");
            }
            node = child;
        }
        return JsonPayload.optionalText(node, parts[parts.length - 1], path);
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Builder with the default field names {@code from}, {@code text}, {@code id}; exactly one of
     * {@link #signature} and {@link #unauthenticated()} is required.
     */
    public static final class Builder {
        private final String provider;
        private String fromField = "from";
        private String textField = "text";
        private String idField = "id";
        private Optional<HmacBodySignature> signature = Optional.empty();
        private boolean unauthenticated;
        private Clock clock = Clock.systemUTC();
        private int maxBodyBytes = JsonPayload.DEFAULT_MAX_BYTES;

        private Builder(String provider) {
            if (provider == null || provider.isBlank()) {
                throw new ConfigurationException("inbound SMS: provider is required");
            }
            this.provider = provider.trim();
        }

        /** Field holding the sender's phone; default {@code from}. */
        public Builder fromField(String value) {
            fromField = fieldPath(value, "fromField");
            return this;
        }

        /** Field holding the message text; default {@code text}. */
        public Builder textField(String value) {
            textField = fieldPath(value, "textField");
            return this;
        }

        /** Field holding the gateway's message id; default {@code id}. */
        public Builder idField(String value) {
            idField = fieldPath(value, "idField");
            return this;
        }

        /**
         * Requires {@code headerName} to carry the hex HMAC-SHA256 of the raw body keyed with
         * {@code secret}.
         */
        public Builder signature(String headerName, String secret) {
            signature = Optional.of(new HmacBodySignature(headerName, secret));
            return this;
        }

        /**
         * Accepts messages without a signature. Development and routes the host authenticates itself
         * only: anyone could post a STOP and opt a lead out for good.
         */
        public Builder unauthenticated() {
            unauthenticated = true;
            return this;
        }

        /** Clock that dates the events. */
        public Builder clock(Clock value) {
            if (value == null) {
                throw new ConfigurationException("inbound SMS: clock is required");
            }
            clock = value;
            return this;
        }

        /** Largest accepted body; default {@link JsonPayload#DEFAULT_MAX_BYTES}. */
        public Builder maxBodyBytes(int value) {
            if (value < 1) {
                throw new ConfigurationException("inbound SMS: maxBodyBytes must be positive");
            }
            maxBodyBytes = value;
            return this;
        }

        /**
         * Builds the parser.
         *
         * @throws ConfigurationException unless exactly one of {@link #signature} and {@link #unauthenticated()} was chosen
         */
        public InboundSmsParser build() {
            if (signature.isEmpty() && !unauthenticated) {
                throw new ConfigurationException(
                        "inbound SMS: set signature, or call unauthenticated() explicitly for development");
            }
            if (signature.isPresent() && unauthenticated) {
                throw new ConfigurationException("inbound SMS: signature and unauthenticated() exclude each other");
            }
            if (unauthenticated) {
                log.warn("inbound SMS ({}) signature checks are disabled (unauthenticated); use only in development",
                        provider);
            }
            return new InboundSmsParser(this);
        }

        private static String fieldPath(String value, String setting) {
            if (value == null || !value.matches("[^.\\s]+(\\.[^.\\s]+)*")) {
                throw new ConfigurationException("inbound SMS: " + setting
                        + " must be a field name or dotted path, was " + value);
            }
            return value;
        }
    }
}
