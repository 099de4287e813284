package io.retentioncenter.jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retentioncenter.core.StoreException;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON text columns: string maps, string lists and small documents built as Jackson trees. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    private Json() {
    }

    /** An empty JSON object to fill. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** An empty JSON array to fill. */
    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** {@code value} (a tree, map or list of strings) as JSON text. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write JSON column", e);
        }
    }

    /** The tree of a JSON text column. */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON column", e);
        }
    }

    /**
     * The document in JSON text column {@code column}, read by {@code reader}; unknown names and
     * malformed values become a {@link StoreException}.
     */
    static <T> T read(String column, String json, Function<JsonNode, T> reader) {
        JsonNode tree = tree(json);
        try {
            return reader.apply(tree);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new StoreException("corrupt JSON in column " + column, e);
        }
    }

    /** A JSON object of strings as a map. */
    static Map<String, String> stringMap(String json) {
        try {
            return MAPPER.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON column", e);
        }
    }

    /** A JSON array of strings as a list. */
    static List<String> stringList(String json) {
        try {
            return MAPPER.readValue(json, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON column", e);
        }
    }

    /** The text of a field that must be present, or a {@link StoreException} naming it. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new StoreException("corrupt JSON column: missing text field " + field);
        }
        return value.asText();
    }

    /** The integer of a field that must be present, or a {@link StoreException} naming it. */
    static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new StoreException("corrupt JSON column: missing integer field " + field);
        }
        return value.asInt();
    }
}
