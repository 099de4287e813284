package io.retentioncenter.core.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile variations of valid sample inputs, reproducible from the seed of its {@link Random}: JSON
 * bodies mutated node by node (wrong types, {@code 1e400}, {@code -0}, {@code "NaN"}, NUL and control
 * characters, huge strings and numbers, deep nesting, duplicate and odd keys, removed fields) or byte by
 * byte (flips, truncation, splices, invalid UTF-8, empty), query strings and key/value texts token by
 * token, and hostile single strings for typed fields.
 */
public final class Mutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "\u0001hole\u0001";
    private static final String DUPLICATE_KEY = "\u0001dup\u0001";

    /** Raw JSON values, some invalid on purpose ({@code NaN}, an unclosed nesting). */
    private static final List<String> RAW_VALUES = List.of(
            "null", "true", "false", "0", "-0", "-0.0", "1e400", "-1e400", "1e-400", "1.5", "-1",
            "123456789012345678901234567890", "9223372036854775808", "-9223372036854775809", "9223372036854775807",
            "1763996540430", "NaN", "Infinity", "-Infinity", "0x10", "01", "+1", "1.", ".5", "1e", "\"NaN\"",
            "\"Infinity\"", "\"-0\"", "\"1e400\"", "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"",
            "\"\\u0001\\u001f\\r\\n\\t\\u007f\"", "\"\\ud800\"", "\"x\\udc00\"", "\"\\u202e\\u2028\\u2029\"", "{}", "[]",
            "[1,2,3]", "{\"x\":1}", "[null]", "[\"a\",{}]", "{\"\":\"\"}", "\"+14155550123\"", "\"14155550123\"",
            "\"+1 (415) 555-0123\"", "\"00441234\"", "\"ana@example.com\"", "\"ANA@EXAMPLE.COM\"", "\"@\"",
            "\"a@\"", "\"stop\"", "\"STOP\"", "\"stop calling\"", "\"call me back tomorrow at 6 pm\"",
            "\"delivered\"", "\"DELIVRD\"", "\"UNKNOWN\"", "\"failed\"", "\"ended\"", "\"sale\"", "\"lead\"",
            "\"2026-11-24T15:11:00Z\"", "\"2026-11-24T15:11:00+01:00\"", "\"2026-02-30T10:00:00Z\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"",
            "\"99999999999999999999\"", "\"\\u0661\\u0662\\u0663\"", "\"\\ud835\\udfcf\\ud835\\udfd0\"",
            "\"%00\"", "\"%\"", "\"%zz\"", "\"a=b&c=d\"", "\"id:1 stat:DELIVRD\"", "\"\\\\\"", "\"\\\"\"");

    /** Bytes that are not valid UTF-8, or are but tend to surprise (overlong NUL, BOM, surrogates, max code point). */
    private static final List<byte[]> RAW_BYTES = List.of(
            new byte[] {0}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            new byte[] {(byte) 0xE2, (byte) 0x80}, new byte[] {'\r', '\n'}, new byte[] {0x1B, '['}, new byte[] {'\\'},
            new byte[] {'"'}, new byte[] {'{'}, new byte[] {'['}, new byte[] {','}, new byte[] {':'}, new byte[] {'&'},
            new byte[] {'='}, new byte[] {'%'});

    /** Strings for typed fields: blank, control characters, NUL, odd Unicode, numbers and dates at the edges. */
    private static final List<String> TEXTS = List.of(
            "", " ", "\t", "\u0000", "a\u0000", "\u0001\u001f", "line\nbreak", "\r\n", "\u007f", "\u202e", "\u2028",
            "\ud800", "x\udc00", "\ud83d\ude00", "\u0661\u0662\u0663", "NaN", "-0", "1e400", "-1", "0",
            "99999999999999999999", "+14155550123", "14155550123", "+1 (415) 555-0123", "0014155550123", "+0",
            "ana@example.com", "ANA@Example.COM", "a@b", "@", "a@", "<script>", "'; drop table lead; --", "%00", "%",
            "null", "undefined", "STOP", "stop all", "2026-11-24T15:11:00Z", "+999999999-12-31T23:59:59Z", "Europe/Madrid",
            "true", "{}", "[]", "\\", "\"", "=", "&", ":", ".", "..", "a.b", "sha256=", "Bearer ", "Bearer \u0000");

    private final Random random;

    /** A mutator drawing from {@code random}. */
    public Mutator(Random random) {
        this.random = random;
    }

    /** The randomness, for tests that mix their own choices in. */
    public Random random() {
        return random;
    }

    /** Whether to take a branch with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** One element of {@code options}. */
    public <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /**
     * A mutation of {@code sample}: one to three rounds, each JSON-aware (when the input still parses as
     * JSON) or byte-level; rarely empty or null.
     */
    public byte[] mutate(byte[] sample) {
        if (chance(0.01)) {
            return null;
        }
        if (chance(0.01)) {
            return new byte[0];
        }
        byte[] out = sample;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            JsonNode tree = chance(0.75) ? parse(out) : null;
            out = tree != null ? mutateJson(tree).getBytes(StandardCharsets.UTF_8) : mutateBytes(out);
        }
        return out;
    }

    /** {@link #mutate(byte[])} for text, decoding the result as UTF-8 (invalid bytes become U+FFFD). */
    public String mutate(String sample) {
        byte[] out = mutate(sample.getBytes(StandardCharsets.UTF_8));
        return out == null ? null : new String(out, StandardCharsets.UTF_8);
    }

    /**
     * A mutation of a text made of separated tokens (a query string with {@code &} and {@code =}, an SMPP
     * receipt with spaces and {@code :}): a token replaced, repeated, dropped or filled with a hostile value,
     * or a byte-level mutation.
     */
    public String mutateTokens(String sample, String separators) {
        if (chance(0.02)) {
            return chance(0.5) ? null : "";
        }
        String out = sample;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            if (chance(0.3)) {
                out = new String(mutateBytes(out.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
                continue;
            }
            List<String> tokens = tokens(out, separators);
            int k = random.nextInt(tokens.size());
            switch (random.nextInt(6)) {
                case 0 -> tokens.set(k, hostileText());
                case 1 -> tokens.add(k, tokens.get(k));
                case 2 -> tokens.remove(k);
                case 3 -> tokens.set(k, tokens.get(k) + hostileText());
                case 4 -> tokens.set(k, hugeText());
                default -> tokens.add(k, String.valueOf(separators.charAt(random.nextInt(separators.length()))));
            }
            out = String.join("", tokens);
        }
        return out;
    }

    /**
     * A request header's value: {@code valid} most of the time, else absent (null) or hostile, so that
     * the authentication checks are fuzzed too while most inputs get past them.
     */
    public String header(String valid) {
        return chance(0.93) ? valid : chance(0.5) ? null : hostileText();
    }

    /** {@code prefix} then {@code body} (null counts as empty): what {@code "{timestamp}.{body}"} signatures sign. */
    public static byte[] prefixed(String prefix, byte[] body) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] rest = body == null ? new byte[0] : body;
        byte[] out = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, out, head.length, rest.length);
        return out;
    }

    /** A copy of {@code params} with one to three keys or values made hostile, added, dropped or nulled. */
    public Map<String, String> mutateParams(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>(params);
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            List<String> keys = new ArrayList<>(out.keySet());
            String key = keys.isEmpty() ? "sub_id" : pick(keys);
            switch (random.nextInt(8)) {
                case 0 -> out.put(key, hostileText());
                case 1 -> out.put(key, hugeText());
                case 2 -> out.remove(key);
                case 3 -> out.put(key, null);
                case 4 -> out.put(hostileText(), out.getOrDefault(key, "x"));
                case 5 -> out.put(null, "x");
                case 6 -> {
                    for (int n = 0; n < 101; n++) {
                        out.put("p" + n, "v");
                    }
                }
                default -> out.put(key, out.getOrDefault(key, "") + hostileText());
            }
        }
        return out;
    }

    /** A hostile string for a typed field: a palette entry, a huge or control-laden one, or random characters. */
    public String hostileText() {
        return switch (random.nextInt(10)) {
            case 0 -> hugeText();
            case 1 -> randomText(1 + random.nextInt(40));
            case 2 -> pick(TEXTS) + pick(TEXTS);
            default -> pick(TEXTS);
        };
    }

    /** A long string: repeated characters, digits or a mix with control characters, up to 300,000 characters. */
    public String hugeText() {
        int length = pick(List.of(257, 1_001, 65_537, 300_000));
        return switch (random.nextInt(4)) {
            case 0 -> "9".repeat(length);
            case 1 -> "a\u0000\n".repeat(length / 3);
            case 2 -> randomText(Math.min(length, 5_000));
            default -> "x".repeat(length);
        };
    }

    private String randomText(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> (char) (0x20 + random.nextInt(0x5F));
                case 2 -> (char) random.nextInt(0x10000);
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return out.toString();
    }

    // ---- JSON -------------------------------------------------------------------------------

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isContainerNode() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** One node of {@code tree} changed; hostile raw values are spliced into the serialized text. */
    private String mutateJson(JsonNode tree) {
        JsonNode root = tree.deepCopy();
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode parent = pick(containers);
        String raw = rawValue();
        if (parent.isObject()) {
            ObjectNode object = (ObjectNode) parent;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() ? "x" : pick(names);
            switch (random.nextInt(7)) {
                case 0 -> object.remove(name);
                case 1 -> {
                    object.put(DUPLICATE_KEY, HOLE);
                    return write(root).replace(quoted(DUPLICATE_KEY), JSON.valueToTree(name).toString())
                            .replace(quoted(HOLE), raw);
                }
                case 2 -> {
                    JsonNode value = object.remove(name);
                    String key = hostileText();
                    object.set(key.length() > 70_000 ? key.substring(0, 70_000) : key,
                            value == null ? JSON.nullNode() : value);
                }
                case 3 -> object.set(name, wrap(object.get(name)));
                default -> object.put(name, HOLE);
            }
        } else {
            ArrayNode array = (ArrayNode) parent;
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (!array.isEmpty()) {
                        array.remove(random.nextInt(array.size()));
                    }
                }
                case 1 -> {
                    if (!array.isEmpty()) {
                        for (int i = 0; i < 1 + random.nextInt(300); i++) {
                            array.add(array.get(random.nextInt(array.size())).deepCopy());
                        }
                    }
                }
                default -> {
                    if (array.isEmpty()) {
                        array.add(HOLE);
                    } else {
                        array.set(random.nextInt(array.size()), JSON.getNodeFactory().textNode(HOLE));
                    }
                }
            }
        }
        return write(root).replace(quoted(HOLE), raw);
    }

    private JsonNode wrap(JsonNode value) {
        JsonNode inner = value == null ? JSON.nullNode() : value;
        return chance(0.5) ? JSON.createArrayNode().add(inner) : JSON.createObjectNode().set("value", inner);
    }

    /** A raw JSON value: a palette entry, a huge string or number, or nesting (sometimes past Jackson's limit). */
    private String rawValue() {
        return switch (random.nextInt(12)) {
            case 0 -> JSON.valueToTree(hostileText()).toString();
            case 1 -> JSON.valueToTree(hugeText()).toString();
            case 2 -> "9".repeat(pick(List.of(19, 400, 1_001, 100_000)));
            case 3 -> "[".repeat(depth()) + "]".repeat(depth());
            case 4 -> {
                int d = depth();
                yield "{\"a\":".repeat(d) + "1" + "}".repeat(d);
            }
            case 5 -> "[" + "0,".repeat(10_000 + random.nextInt(40_000)) + "0]";
            default -> pick(RAW_VALUES);
        };
    }

    private int depth() {
        return pick(List.of(20, 900, 1_200));
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collect(children.next(), out);
            }
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }

    // ---- bytes and tokens -------------------------------------------------------------------

    /** Flips a bit, overwrites, deletes, repeats or truncates a range, or inserts hostile bytes. */
    private byte[] mutateBytes(byte[] in) {
        byte[] body = in == null ? new byte[0] : in;
        if (body.length == 0) {
            return pick(RAW_BYTES).clone();
        }
        int at = random.nextInt(body.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 16);
        switch (random.nextInt(7)) {
            case 0 -> {
                byte[] copy = body.clone();
                copy[at] ^= (byte) (1 << random.nextInt(8));
                return copy;
            }
            case 1 -> {
                byte[] copy = body.clone();
                copy[at] = (byte) random.nextInt(256);
                return copy;
            }
            case 2 -> {
                return Arrays.copyOf(body, at);
            }
            case 3 -> {
                int end = Math.min(body.length, at + 1 + random.nextInt(32));
                out.write(body, 0, at);
                out.write(body, end, body.length - end);
            }
            case 4 -> {
                int end = Math.min(body.length, at + 1 + random.nextInt(64));
                out.write(body, 0, end);
                out.write(body, at, body.length - at);
            }
            default -> {
                out.write(body, 0, at);
                out.writeBytes(pick(RAW_BYTES));
                out.write(body, at, body.length - at);
            }
        }
        return out.toByteArray();
    }

    /** {@code text} split so that every separator is a token of its own. */
    private static List<String> tokens(String text, String separators) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (separators.indexOf(c) >= 0) {
                if (current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                out.add(String.valueOf(c));
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0 || out.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }
}
