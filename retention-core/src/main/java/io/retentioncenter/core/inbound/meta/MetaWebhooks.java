package io.retentioncenter.core.inbound.meta;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.internal.Signatures;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Meta Lead Ads webhook endpoint logic: the subscription handshake, the
 * {@code X-Hub-Signature-256} check and the parsing of {@code leadgen} notifications. Stateless and
 * thread-safe; parsing has no side effects, so replays (Meta delivers at least once) are the
 * caller's business: dedupe on {@link MetaLeadgenItem#dedupeKey()}.
 *
 * <pre>{@code
 * MetaWebhooks meta = MetaWebhooks.builder().verifyToken("rc-verify-7f3a").appSecret(appSecret).build();
 * String challenge = meta.handshake(queryParams);                      // GET: answer 200 text/plain
 * MetaLeadgenBatch batch = meta.parse(rawBody, Optional.ofNullable(request.getHeader(MetaWebhooks.SIGNATURE_HEADER)));
 * }</pre>
 */
public final class MetaWebhooks {
    /** The header carrying {@code sha256=<hex HMAC-SHA256 of the raw body>}. */
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    /**
     * The most entries plus changes one delivery may carry (Meta batches far fewer); a larger body is
     * refused whole, which bounds the work one request can cost.
     */
    public static final int MAX_CHANGES = 1_000;

    private static final Logger log = LoggerFactory.getLogger(MetaWebhooks.class);
    private static final String SIGNATURE_PREFIX = "sha256=";
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._-]{1,256}");

    private final Optional<String> verifyToken;
    private final Optional<String> appSecret;
    private final int maxBodyBytes;

    private MetaWebhooks(Builder b) {
        this.verifyToken = Optional.ofNullable(b.verifyToken);
        this.appSecret = Optional.ofNullable(b.appSecret);
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /** Starts a builder; set {@link Builder#appSecret} or, for development only, {@link Builder#unsigned()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Answers the subscription handshake ({@code GET ?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…}).
     *
     * @param query the decoded query parameters
     * @return the {@code hub.challenge} to send back verbatim as a {@code 200 text/plain} body
     * @throws InvalidPayloadException when {@code hub.mode} is missing or not {@code subscribe}, or
     *         {@code hub.challenge} is missing or not 1–256 letters, digits, '.', '_' or '-' (answer 400)
     * @throws AuthenticationException when {@code hub.verify_token} does not match (answer 403)
     * @throws ConfigurationException when no verify token was configured
     */
    public String handshake(Map<String, String> query) {
        Require.present(query, "query");
        String token = verifyToken.orElseThrow(
                () -> new ConfigurationException("MetaWebhooks: set verifyToken to answer the subscription handshake"));
        String mode = query.get("hub.mode");
        if (mode == null || mode.isBlank()) {
            throw new InvalidPayloadException("hub.mode", "is required");
        }
        if (!"subscribe".equals(mode)) {
            throw new InvalidPayloadException("hub.mode", "must be \"subscribe\"");
        }
        if (!Signatures.constantTimeEquals(token, query.get("hub.verify_token"))) {
            throw new AuthenticationException("Meta handshake: hub.verify_token is missing or does not match");
        }
        String challenge = query.get("hub.challenge");
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            throw new InvalidPayloadException("hub.challenge", "is required: 1-256 letters, digits, '.', '_' or '-'");
        }
        return challenge;
    }

    /**
     * Checks {@code X-Hub-Signature-256} against the raw body bytes in constant time. When built
     * {@link Builder#unsigned()}, accepts everything.
     *
     * @param rawBody the body exactly as received (never re-serialized JSON)
     * @param signatureHeader the header value, empty when the request had none
     * @throws AuthenticationException when the header is missing, malformed or does not match
     */
    public void verifySignature(byte[] rawBody, Optional<String> signatureHeader) {
        Require.present(rawBody, "rawBody");
        Require.present(signatureHeader, "signatureHeader");
        if (appSecret.isEmpty()) {
            return;
        }
        String value = signatureHeader.map(String::trim).filter(v -> !v.isEmpty()).orElseThrow(
                () -> new AuthenticationException("Meta webhook: " + SIGNATURE_HEADER + " header is missing"));
        String hex = value.regionMatches(true, 0, SIGNATURE_PREFIX, 0, SIGNATURE_PREFIX.length())
                ? value.substring(SIGNATURE_PREFIX.length()) : "";
        if (!HEX_SHA256.matcher(hex).matches()) {
            throw new AuthenticationException("Meta webhook: " + SIGNATURE_HEADER + " is malformed, expected sha256=<64 hex digits>");
        }
        String expected = Signatures.hmacSha256Hex(appSecret.get(), rawBody);
        if (!Signatures.constantTimeEquals(expected, hex.toLowerCase(Locale.ROOT))) {
            throw new AuthenticationException("Meta webhook: " + SIGNATURE_HEADER + " does not match the body");
        }
    }

    /**
     * Verifies and parses a notification ({@code POST}). Each {@code leadgen} change becomes a
     * {@link MetaLeadgenItem} (inline lead or id to resolve); a bad entry or change becomes a
     * {@link MetaLeadgenError} without losing the others; other fields are counted and skipped.
     *
     * @param rawBody the body exactly as received
     * @param signatureHeader the {@value #SIGNATURE_HEADER} value, empty when the request had none
     * @throws AuthenticationException when the signature check fails (answer 403)
     * @throws InvalidPayloadException when the body is empty, over the size limit, not a JSON
     *         object, has no {@code entry} array, more than {@link #MAX_CHANGES} entries and changes,
     *         or {@code object} is not {@code "page"} (answer 400)
     */
    public MetaLeadgenBatch parse(byte[] rawBody, Optional<String> signatureHeader) {
        if (rawBody == null) {
            throw new InvalidPayloadException("body", "is required");
        }
        verifySignature(rawBody, signatureHeader);
        return MetaLeadgenParser.parse(JsonPayload.parseObject(rawBody, maxBodyBytes));
    }

    /** Builder; exactly one of {@link #appSecret} and {@link #unsigned()} is required. */
    public static final class Builder {
        private String verifyToken;
        private String appSecret;
        private boolean unsigned;
        private int maxBodyBytes = JsonPayload.DEFAULT_MAX_BYTES;

        private Builder() {
        }

        /** The Verify Token entered in the app's Webhooks settings, for {@link #handshake}. */
        public Builder verifyToken(String value) {
            verifyToken = nonBlank(value, "verifyToken");
            return this;
        }

        /** The app secret that signs notifications; makes {@value MetaWebhooks#SIGNATURE_HEADER} mandatory. */
        public Builder appSecret(String value) {
            appSecret = nonBlank(value, "appSecret");
            return this;
        }

        /** Accepts unsigned notifications. Development and trusted forwarders only: anyone can post leads. */
        public Builder unsigned() {
            unsigned = true;
            return this;
        }

        /** Largest accepted body in bytes; default {@link JsonPayload#DEFAULT_MAX_BYTES}. */
        public Builder maxBodyBytes(int value) {
            if (value < 1) {
                throw new ConfigurationException("MetaWebhooks: maxBodyBytes must be at least 1");
            }
            maxBodyBytes = value;
            return this;
        }

        /** Builds the endpoint logic. */
        public MetaWebhooks build() {
            if (appSecret == null && !unsigned) {
                throw new ConfigurationException("MetaWebhooks: set appSecret, or call unsigned() explicitly for development");
            }
            if (appSecret != null && unsigned) {
                throw new ConfigurationException("MetaWebhooks: appSecret and unsigned() exclude each other");
            }
            if (unsigned) {
                log.warn("Meta webhook signature checks are disabled (unsigned); use only in development");
            }
            return new MetaWebhooks(this);
        }

        private static String nonBlank(String value, String field) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException("MetaWebhooks: " + field + " must not be blank");
            }
            return value;
        }
    }
}
