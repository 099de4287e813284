package io.retentioncenter.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retentioncenter.core.InvalidPayloadException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Strict JSON reading for webhook bodies and provider responses: every problem becomes an
 * {@link InvalidPayloadException} naming the JSON path, never an NPE or a Jackson exception.
 */
public final class JsonPayload {
    /** Default body size limit for inbound webhooks: 1 MiB. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    /**
     * Field names are neither canonicalized nor interned: a hostile body of 100,000 distinct keys made the
     * shared symbol table cost over ten times the parse itself, and webhook keys gain nothing from it.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Beyond this many zeros a decimal is written in scientific notation rather than spelled out. */
    private static final int MAX_PLAIN_SCALE = 100;
    /** Longest description of a JSON syntax error kept in a message. */
    private static final int MAX_PROBLEM_LENGTH = 200;

    private JsonPayload() {
    }

    /** The shared, thread-safe mapper (for writing request bodies). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a JSON object from raw bytes no larger than {@code maxBytes}. */
    public static JsonNode parseObject(byte[] body, int maxBytes) {
        JsonNode node = parse(body, maxBytes);
        if (!node.isObject()) {
            throw new InvalidPayloadException("body", "must be a JSON object");
        }
        return node;
    }

    /** Parses a JSON array from text no larger than {@code maxBytes} in UTF-8 (a provider's list answer). */
    public static JsonNode parseArray(String body, int maxBytes) {
        JsonNode node = parse(body == null ? null : body.getBytes(StandardCharsets.UTF_8), maxBytes);
        if (!node.isArray()) {
            throw new InvalidPayloadException("body", "must be a JSON array");
        }
        return node;
    }

    private static JsonNode parse(byte[] body, int maxBytes) {
        if (body == null || body.length == 0) {
            throw new InvalidPayloadException("body", "is empty");
        }
        if (body.length > maxBytes) {
            throw new InvalidPayloadException("body", "is " + body.length + " bytes, over the limit of " + maxBytes);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("body", "is not valid JSON: " + problem(e), e);
        } catch (java.io.IOException e) {
            throw new InvalidPayloadException("body", "could not be read", e);
        }
        if (node == null) {
            throw new InvalidPayloadException("body", "holds no JSON value");
        }
        return node;
    }

    /** Jackson's description of a parse error on one line and cut short: it may quote the input (e.g. a duplicate key). */
    private static String problem(JsonProcessingException e) {
        String text = InputText.flatten(String.valueOf(e.getOriginalMessage()));
        return text.length() > MAX_PROBLEM_LENGTH ? text.substring(0, MAX_PROBLEM_LENGTH) + "…" : text;
    }

    /** Parses a JSON object from text no larger than {@code maxBytes} in UTF-8. */
    public static JsonNode parseObject(String body, int maxBytes) {
        return parseObject(body == null ? null : body.getBytes(StandardCharsets.UTF_8), maxBytes);
    }

    /** The object at {@code field} of {@code node}; throws naming {@code path} when missing or not an object. */
    public static JsonNode requiredObject(JsonNode node, String field, String path) {
        return optionalObject(node, field, path).orElseThrow(() -> new InvalidPayloadException(path, "is required"));
    }

    /** The array at {@code field}; throws naming {@code path} when missing or not an array. */
    public static JsonNode requiredArray(JsonNode node, String field, String path) {
        return optionalArray(node, field, path).orElseThrow(() -> new InvalidPayloadException(path, "is required"));
    }

    /** The object at {@code field}, if present and not null; throws naming {@code path} when it is not an object. */
    public static Optional<JsonNode> optionalObject(JsonNode node, String field, String path) {
        return optionalOfType(node, field, path, JsonNode::isObject, "an object");
    }

    /** The array at {@code field}, if present and not null; throws naming {@code path} when it is not an array. */
    public static Optional<JsonNode> optionalArray(JsonNode node, String field, String path) {
        return optionalOfType(node, field, path, JsonNode::isArray, "an array");
    }

    private static Optional<JsonNode> optionalOfType(JsonNode node, String field, String path,
            Predicate<JsonNode> type, String typeName) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull() || child.isMissingNode()) {
            return Optional.empty();
        }
        if (!type.test(child)) {
            throw new InvalidPayloadException(path, "must be " + typeName + ", was " + child.getNodeType());
        }
        return Optional.of(child);
    }

    /** A required non-blank scalar as text (strings and numbers accepted, numbers kept exact). */
    public static String requiredText(JsonNode node, String field, String path) {
        return optionalText(node, field, path)
                .orElseThrow(() -> new InvalidPayloadException(path, "is required"));
    }

    /**
     * An optional scalar as text: strings (trimmed, blank = absent) and numbers (exact digits, so
     * 18-digit ids survive); objects, arrays and booleans are rejected naming {@code path}.
     */
    public static Optional<String> optionalText(JsonNode node, String field, String path) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull() || child.isMissingNode()) {
            return Optional.empty();
        }
        if (child.isTextual()) {
            String v = child.textValue().trim();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }
        if (child.isNumber()) {
            return Optional.of(numberText(child, path));
        }
        throw new InvalidPayloadException(path, "must be a string or number, was " + child.getNodeType());
    }

    /**
     * A JSON number as text, exactly as written: integers in full (18-digit ids survive), decimals
     * without exponent unless that would spell out more than a hundred zeros ({@code 1e400} stays
     * {@code 1E+400}).
     *
     * @throws InvalidPayloadException naming {@code path} when the number is not finite
     */
    public static String numberText(JsonNode number, String path) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
            throw new InvalidPayloadException(path, "must be a finite number");
        }
        java.math.BigDecimal d = number.decimalValue();
        return Math.abs(d.scale()) > MAX_PLAIN_SCALE ? d.toString() : d.toPlainString();
    }
}
