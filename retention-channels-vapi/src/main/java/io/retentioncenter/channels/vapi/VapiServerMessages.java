package io.retentioncenter.channels.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.internal.JsonPayload;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Parses the messages VAPI posts to a server URL ({@code {"message": {"type": ...}}}) into provider
 * events for {@code engine.inbound().providerEvents(...)}. Thread-safe.
 *
 * <ul>
 *   <li>{@code status-update}: scheduled/queued/ringing → SENT, in-progress/forwarding → ANSWERED,
 *       ended → SUCCEEDED or FAILED from {@code endedReason}, not-found/deletion-failed → FAILED;
 *   <li>{@code end-of-call-report}: SUCCEEDED or FAILED from {@code endedReason} with transcript and
 *       keywords, plus OPTED_OUT ("stop calling", "don't call me", ...) or CALLBACK_REQUESTED ("call me
 *       back tomorrow evening", with the time when one was said);
 *   <li>every other type ({@code conversation-update}, {@code speech-update}, {@code transcript},
 *       {@code tool-calls}, {@code hang}, ...): no events.
 * </ul>
 * Events carry VAPI's call id as provider reference, the {@code rc_attempt_id} metadata the
 * {@link VapiCallProvider} sent when VAPI echoes it, and the customer's number. Event keys are
 * {@code vapi:<call id>:<type>:<status or endedReason>[:opted-out|:callback-requested]}, so replays are
 * recognizable.
 */
public final class VapiServerMessages {
    /** Default body size limit: 4 MiB, since end-of-call reports carry the whole conversation. */
    public static final int DEFAULT_MAX_BODY_BYTES = 4 << 20;
    /**
     * The most characters of a call's conversation scanned for keywords, opt-outs and callback requests:
     * the end of the transcript, or of the customer's messages when there is no transcript. Bounds the CPU
     * time one end-of-call report can cost; a 30-minute call is about 25,000 characters.
     */
    public static final int MAX_SCANNED_TRANSCRIPT_CHARS = 32_768;
    /** The most {@code artifact.messages[]} entries, the last ones, read when there is no transcript. */
    public static final int MAX_SCANNED_MESSAGES = 1_000;
    /** Default keyword vocabulary matched in the customer's lines. */
    public static final List<String> DEFAULT_KEYWORDS = List.of("interested", "not interested", "price", "discount",
            "call back", "call me back", "busy", "email me", "stop calling");

    private static final String STATUS_UPDATE = "status-update";
    private static final String END_OF_CALL_REPORT = "end-of-call-report";

    private final ServerAuthentication authentication;
    private final int maxBodyBytes;
    private final Clock clock;
    private final CallEventMapper mapper;

    private VapiServerMessages(Builder b) {
        this.authentication = b.authentication;
        this.maxBodyBytes = b.maxBodyBytes;
        this.clock = b.clock;
        this.mapper = new CallEventMapper(new KeywordExtractor(b.keywords),
                new CallbackDetector(new CallbackTimeParser(b.zone)));
    }

    /** Starts a builder; exactly one authentication mode must be chosen. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Authenticates and parses one server message.
     *
     * @param rawBody the request body exactly as received (HMAC signs these bytes)
     * @param headers the request headers; names are matched case-insensitively
     * @return the events, possibly none for message types that carry no outcome
     * @throws AuthenticationException when the configured check fails
     * @throws InvalidPayloadException when the body is empty, too large, not a JSON object, or a field
     *     is missing, of the wrong type or has an unknown value (the exception names the JSON path)
     * @throws ValidationException when {@code headers} is null
     */
    public List<ProviderEvent> parse(byte[] rawBody, Map<String, String> headers) {
        RequestHeaders requestHeaders = RequestHeaders.of(headers);
        if (rawBody == null || rawBody.length == 0) {
            throw new InvalidPayloadException("body", "is empty");
        }
        if (rawBody.length > maxBodyBytes) {
            throw new InvalidPayloadException("body", "is " + rawBody.length + " bytes, over the limit of " + maxBodyBytes);
        }
        authentication.verify(rawBody, requestHeaders, clock.instant());
        JsonNode message = JsonPayload.requiredObject(JsonPayload.parseObject(rawBody, maxBodyBytes), "message", "message");
        String type = JsonPayload.requiredText(message, "type", "message.type");
        return switch (type) {
            case STATUS_UPDATE -> mapper.statusUpdate(CallMessage.read(message, type, clock));
            case END_OF_CALL_REPORT -> mapper.endOfCallReport(CallMessage.read(message, type, clock));
            default -> List.of();
        };
    }

    /** Builder; defaults: 4 MiB body limit, UTC clock and zone, {@link #DEFAULT_KEYWORDS}. */
    public static final class Builder {
        private ServerAuthentication authentication;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("UTC");
        private List<String> keywords = DEFAULT_KEYWORDS;

        private Builder() {
        }

        /** Expects VAPI's Bearer credential: {@code Authorization: Bearer <token>}. */
        public Builder bearerToken(String token) {
            return bearerToken("Authorization", token);
        }

        /** Expects VAPI's Bearer credential with a custom header name: {@code <headerName>: Bearer <token>}. */
        public Builder bearerToken(String headerName, String token) {
            return authenticate(HeaderTokenAuthentication.bearer(text(headerName, "headerName"), text(token, "token")));
        }

        /** Expects the legacy server URL secret in {@code X-Vapi-Secret}. */
        public Builder legacySecret(String secret) {
            return authenticate(HeaderTokenAuthentication.legacySecret(text(secret, "secret")));
        }

        /** Expects VAPI's HMAC credential, verified as {@code verification} describes. */
        public Builder hmac(HmacVerification verification) {
            if (verification == null) {
                throw new ConfigurationException("vapi server messages: hmac verification is required");
            }
            return authenticate(verification::verify);
        }

        /** Accepts unauthenticated messages: only for routes the host protects itself. */
        public Builder unauthenticated() {
            return authenticate(ServerAuthentication.NONE);
        }

        /** Largest accepted body in bytes. */
        public Builder maxBodyBytes(int value) {
            if (value < 1) {
                throw new ConfigurationException("vapi server messages: maxBodyBytes must be positive, was " + value);
            }
            maxBodyBytes = value;
            return this;
        }

        /** Clock for HMAC timestamp freshness and for messages without a timestamp. */
        public Builder clock(Clock value) {
            if (value == null) {
                throw new ConfigurationException("vapi server messages: clock is required");
            }
            clock = value;
            return this;
        }

        /** Time zone in which spoken callback times ("tomorrow at 6 pm") are read; default UTC. */
        public Builder zone(ZoneId value) {
            if (value == null) {
                throw new ConfigurationException("vapi server messages: zone is required");
            }
            zone = value;
            return this;
        }

        /** Phrases reported as keywords when the customer says them (case-insensitive, whole words). */
        public Builder keywordVocabulary(List<String> value) {
            if (value == null || value.stream().anyMatch(v -> v == null || v.isBlank())) {
                throw new ConfigurationException("vapi server messages: keyword vocabulary must not contain blank phrases");
            }
            keywords = List.copyOf(value);
            return this;
        }

        /** Builds the parser; fails when no authentication mode was chosen. */
        public VapiServerMessages build() {
            if (authentication == null) {
                throw new ConfigurationException("vapi server messages: choose bearerToken, legacySecret, hmac or "
                        + "unauthenticated()");
            }
            return new VapiServerMessages(this);
        }

        private Builder authenticate(ServerAuthentication value) {
            if (authentication != null) {
                throw new ConfigurationException("vapi server messages: authentication is already configured");
            }
            authentication = value;
            return this;
        }

        private static String text(String value, String field) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException("vapi server messages: " + field + " must not be blank");
            }
            return value.trim();
        }
    }
}
