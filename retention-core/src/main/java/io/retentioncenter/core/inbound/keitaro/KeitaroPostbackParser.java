package io.retentioncenter.core.inbound.keitaro;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.internal.InputText;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.internal.Signatures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses Keitaro S2S postbacks (GET query, POST form or JSON) into a {@link KeitaroParseResult}.
 * Keitaro signs nothing, so the postback URL carries a shared secret ({@code secret} parameter or
 * {@code X-Webhook-Secret} header), compared in constant time and removed from {@code raw}.
 *
 * <p>Parameters: {@code sub_id} (alias {@code subid}, required), {@code status} ({@code lead},
 * {@code sale}, {@code rejected}, {@code rebill}, the seed's {@code reject}, custom statuses mapped
 * by the builder or by the request's {@code lead_status}/{@code sale_status}/{@code rejected_status}
 * lists; omitted = {@code sale}), {@code payout} (alias {@code revenue}), {@code currency},
 * {@code tid}, {@code click_id} (alias {@code external_id}), {@code campaign_id}, {@code campaign_name}.
 * Statuses on {@code ignore_status} (or the configured ignore list) give an {@link IgnoredKeitaroPostback}.
 *
 * <p>Parsing is pure and thread-safe: the same input gives an equal result and nothing is recorded,
 * so replays are the engine's business ({@link KeitaroPostback#replayKey()}).
 *
 * <pre>{@code
 * KeitaroPostbackParser keitaro = KeitaroPostbackParser.builder()
 *         .sharedSecret(secret).saleStatuses("ftd", "dep").ignoredStatuses("ping", "test").build();
 * KeitaroParseResult result = keitaro.parseQuery(request.getQueryString(),
 *         Optional.ofNullable(request.getHeader(KeitaroPostbackParser.SECRET_HEADER)), Instant.now());
 * }</pre>
 */
public final class KeitaroPostbackParser {
    /** Query or form parameter carrying the shared secret. */
    public static final String SECRET_PARAM = "secret";
    /** Header carrying the shared secret (takes precedence over the parameter). */
    public static final String SECRET_HEADER = "X-Webhook-Secret";
    /** Default longest parameter name or value, in characters. */
    public static final int DEFAULT_MAX_PARAM_LENGTH = 2048;
    /** The most parameters one postback may carry; Keitaro's documented set is far smaller. */
    public static final int MAX_PARAMS = 100;

    private static final Logger log = LoggerFactory.getLogger(KeitaroPostbackParser.class);
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,18}(\\.\\d{1,10})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private final Optional<String> secret;
    private final KeitaroStatuses statuses;
    private final int maxParamLength;
    private final int maxBodyBytes;

    private KeitaroPostbackParser(Builder b) {
        this.secret = Optional.ofNullable(b.secret);
        this.statuses = new KeitaroStatuses(b.custom, b.ignored);
        this.maxParamLength = b.maxParamLength;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /** Starts a builder; set {@link Builder#sharedSecret} or call {@link Builder#unauthenticated()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses parameters the host already decoded (e.g. a servlet's query parameters).
     *
     * @param params parameter name → value; a null value counts as empty
     * @param secretHeader the {@value #SECRET_HEADER} value, empty when the request had none
     * @param receivedAt when the host received the postback
     * @throws AuthenticationException when a secret is configured and the request's is missing or wrong
     * @throws InvalidPayloadException naming the parameter: missing {@code sub_id}, unknown
     *         {@code status}, bad {@code payout} or {@code currency}, a value over the length limit
     */
    public KeitaroParseResult parseParams(Map<String, String> params, Optional<String> secretHeader, Instant receivedAt) {
        Require.present(params, "params");
        Require.present(secretHeader, "secretHeader");
        Require.present(receivedAt, "receivedAt");
        Map<String, String> checked = checked(params);
        authenticate(checked, secretHeader);
        checked.remove(SECRET_PARAM);
        return interpret(checked, receivedAt);
    }

    /**
     * Parses the parameters of a postback that was authenticated when it arrived and kept since (the
     * {@code params} of an {@link io.retentioncenter.core.conversion.UnmatchedPostback}, which hold no
     * secret): the checks and interpretation of {@link #parseParams}, without the secret check.
     *
     * @throws InvalidPayloadException as {@link #parseParams}
     */
    public KeitaroParseResult parseKept(Map<String, String> params, Instant receivedAt) {
        Require.present(params, "params");
        Require.present(receivedAt, "receivedAt");
        return interpret(checked(params), receivedAt);
    }

    /**
     * Parses a raw query string (with or without the leading {@code ?}) or an
     * {@code application/x-www-form-urlencoded} body, decoding it as UTF-8.
     *
     * @throws InvalidPayloadException also when empty, over the size limit, a parameter is repeated
     *         or a %-escape is malformed
     * @see #parseParams(Map, Optional, Instant)
     */
    public KeitaroParseResult parseQuery(String queryOrForm, Optional<String> secretHeader, Instant receivedAt) {
        if (queryOrForm == null) {
            throw new InvalidPayloadException("body", "is required");
        }
        int bytes = queryOrForm.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBodyBytes) {
            throw new InvalidPayloadException("body", "is " + bytes + " bytes, over the limit of " + maxBodyBytes);
        }
        return parseParams(KeitaroForm.decode(queryOrForm, MAX_PARAMS), secretHeader, receivedAt);
    }

    /**
     * Parses a JSON object body whose members are the postback parameters (strings or numbers;
     * null and blank count as absent).
     *
     * @throws InvalidPayloadException also when the body is empty, over the size limit, not a JSON
     *         object, or a member is an object, array or boolean
     * @see #parseParams(Map, Optional, Instant)
     */
    public KeitaroParseResult parseJson(byte[] body, Optional<String> secretHeader, Instant receivedAt) {
        JsonNode root = JsonPayload.parseObject(body, maxBodyBytes);
        if (root.size() > MAX_PARAMS) {
            throw new InvalidPayloadException("params", "has " + root.size() + " parameters, at most " + MAX_PARAMS);
        }
        Map<String, String> params = new LinkedHashMap<>();
        root.fieldNames().forEachRemaining(name ->
                JsonPayload.optionalText(root, name, InputText.echo(name)).ifPresent(value -> params.put(name, value)));
        return parseParams(params, secretHeader, receivedAt);
    }

    /**
     * The parameters as kept: at most {@value #MAX_PARAMS}, names and values single-line (control
     * characters replaced) and within the length limit; a NUL refuses the postback naming the parameter,
     * and so do two names that are the same once cleaned ({@code sub_id} and {@code sub_id\u0001}).
     */
    private Map<String, String> checked(Map<String, String> params) {
        if (params.size() > MAX_PARAMS) {
            throw new InvalidPayloadException("params", "has " + params.size() + " parameters, at most " + MAX_PARAMS);
        }
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new InvalidPayloadException("params", "has a parameter without a name");
            }
            if (name.length() > maxParamLength) {
                throw new InvalidPayloadException("params", "has a parameter name longer than " + maxParamLength + " characters");
            }
            String field = InputText.echo(name);
            if (InputText.hasNul(name) || InputText.hasNul(value)) {
                throw new InvalidPayloadException(field, "contains a NUL character");
            }
            String v = value == null ? "" : value;
            if (v.length() > maxParamLength) {
                throw new InvalidPayloadException(field, "is longer than " + maxParamLength + " characters");
            }
            String cleanName = InputText.singleLine(name, "params", maxParamLength);
            if (cleanName.isEmpty()) {
                throw new InvalidPayloadException("params", "has a parameter without a name");
            }
            if (out.put(cleanName, InputText.singleLine(v, field, maxParamLength)) != null) {
                throw new InvalidPayloadException(InputText.echo(cleanName), "is repeated");
            }
        });
        return out;
    }

    private void authenticate(Map<String, String> params, Optional<String> secretHeader) {
        if (secret.isEmpty()) {
            return;
        }
        String supplied = secretHeader.filter(h -> !h.isBlank()).orElseGet(() -> params.get(SECRET_PARAM));
        if (supplied == null || supplied.isBlank()) {
            throw new AuthenticationException("Keitaro postback: secret is missing (" + SECRET_PARAM
                    + " parameter or " + SECRET_HEADER + " header)");
        }
        if (!Signatures.constantTimeEquals(secret.get(), supplied.trim())) {
            throw new AuthenticationException("Keitaro postback: secret does not match");
        }
    }

    private KeitaroParseResult interpret(Map<String, String> params, Instant receivedAt) {
        Optional<String> status = text(params, "status");
        Optional<PostbackKind> kind = statuses.resolve(status, params);
        if (kind.isEmpty()) {
            log.debug("Keitaro postback with ignored status {}", InputText.echo(status.get()));
            return new IgnoredKeitaroPostback(status.get(), params, receivedAt);
        }
        String subId = aliased(params, "sub_id", "subid")
                .orElseThrow(() -> new InvalidPayloadException("sub_id", "is required (or subid)"));
        return new KeitaroPostback(subId, kind.get(),
                aliased(params, "payout", "revenue").map(KeitaroPostbackParser::payout).orElse(BigDecimal.ZERO),
                text(params, "currency").map(KeitaroPostbackParser::currency),
                text(params, "tid"),
                aliased(params, "click_id", "external_id"),
                text(params, "campaign_id"),
                text(params, "campaign_name"),
                status, params, receivedAt);
    }

    private static Optional<String> text(Map<String, String> params, String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The parameter or its alias; both present with different values is ambiguous and rejected. */
    private static Optional<String> aliased(Map<String, String> params, String name, String alias) {
        Optional<String> primary = text(params, name);
        Optional<String> secondary = text(params, alias);
        if (primary.isPresent() && secondary.isPresent() && !primary.equals(secondary)) {
            throw new InvalidPayloadException(name, "conflicts with " + alias);
        }
        return primary.or(() -> secondary);
    }

    private static BigDecimal payout(String text) {
        if (text.startsWith("-")) {
            throw new InvalidPayloadException("payout", "must not be negative");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidPayloadException("payout", "must be a decimal number such as 45.00");
        }
        return new BigDecimal(text);
    }

    private static String currency(String text) {
        if (!CURRENCY.matcher(text).matches()) {
            throw new InvalidPayloadException("currency", "must be a 3-letter code such as usd");
        }
        return text.toUpperCase(Locale.ROOT);
    }

    /** Builder; exactly one of {@link #sharedSecret} and {@link #unauthenticated()} is required. */
    public static final class Builder {
        private String secret;
        private boolean unauthenticated;
        private final Map<String, PostbackKind> custom = new HashMap<>();
        private final Set<String> ignored = new HashSet<>();
        private int maxParamLength = DEFAULT_MAX_PARAM_LENGTH;
        private int maxBodyBytes = JsonPayload.DEFAULT_MAX_BYTES;

        private Builder() {
        }

        /** The secret put in the postback URL ({@code secret=}) or sent as {@value KeitaroPostbackParser#SECRET_HEADER}. */
        public Builder sharedSecret(String value) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException("KeitaroPostbackParser: sharedSecret must not be blank");
            }
            secret = value.trim();
            return this;
        }

        /** Accepts postbacks without a secret. Development only: anyone could record conversions. */
        public Builder unauthenticated() {
            unauthenticated = true;
            return this;
        }

        /** Custom statuses meaning a registered, unconfirmed conversion (Keitaro's {@code lead_status}). */
        public Builder leadStatuses(String... statuses) {
            return map(PostbackKind.LEAD, statuses);
        }

        /** Custom statuses meaning a confirmed sale (Keitaro's {@code sale_status}), e.g. {@code ftd}. */
        public Builder saleStatuses(String... statuses) {
            return map(PostbackKind.SALE, statuses);
        }

        /** Custom statuses meaning a cancellation (Keitaro's {@code rejected_status}), e.g. {@code fake}. */
        public Builder rejectedStatuses(String... statuses) {
            return map(PostbackKind.REJECTED, statuses);
        }

        /** Statuses to acknowledge and drop (Keitaro's {@code ignore_status}), e.g. {@code ping}, {@code test}. */
        public Builder ignoredStatuses(String... statuses) {
            for (String status : nonBlank(statuses)) {
                if (custom.containsKey(status)) {
                    throw new ConfigurationException("KeitaroPostbackParser: status " + status + " is both mapped and ignored");
                }
                ignored.add(status);
            }
            return this;
        }

        /** Longest parameter name or value in characters; default {@value KeitaroPostbackParser#DEFAULT_MAX_PARAM_LENGTH}. */
        public Builder maxParamLength(int value) {
            if (value < 1) {
                throw new ConfigurationException("KeitaroPostbackParser: maxParamLength must be at least 1");
            }
            maxParamLength = value;
            return this;
        }

        /** Largest query, form or JSON body in bytes; default {@link JsonPayload#DEFAULT_MAX_BYTES}. */
        public Builder maxBodyBytes(int value) {
            if (value < 1) {
                throw new ConfigurationException("KeitaroPostbackParser: maxBodyBytes must be at least 1");
            }
            maxBodyBytes = value;
            return this;
        }

        /** Builds the parser. */
        public KeitaroPostbackParser build() {
            if (secret == null && !unauthenticated) {
                throw new ConfigurationException(
                        "KeitaroPostbackParser: set sharedSecret, or call unauthenticated() explicitly for development");
            }
            if (secret != null && unauthenticated) {
                throw new ConfigurationException("KeitaroPostbackParser: sharedSecret and unauthenticated() exclude each other");
            }
            if (unauthenticated) {
                log.warn("Keitaro postback secret check is disabled (unauthenticated); use only in development");
            }
            return new KeitaroPostbackParser(this);
        }

        private Builder map(PostbackKind kind, String... statuses) {
            for (String status : nonBlank(statuses)) {
                if (ignored.contains(status)) {
                    throw new ConfigurationException("KeitaroPostbackParser: status " + status + " is both mapped and ignored");
                }
                PostbackKind previous = custom.putIfAbsent(status, kind);
                if (previous != null && previous != kind) {
                    throw new ConfigurationException("KeitaroPostbackParser: status " + status + " is mapped to both "
                            + previous + " and " + kind);
                }
            }
            return this;
        }

        private static Set<String> nonBlank(String... statuses) {
            if (statuses == null || statuses.length == 0) {
                throw new ConfigurationException("KeitaroPostbackParser: give at least one status");
            }
            Set<String> out = new HashSet<>();
            for (String status : statuses) {
                if (status == null || status.isBlank()) {
                    throw new ConfigurationException("KeitaroPostbackParser: statuses must not be blank");
                }
                out.add(KeitaroStatuses.normalize(status));
            }
            return out;
        }
    }
}
