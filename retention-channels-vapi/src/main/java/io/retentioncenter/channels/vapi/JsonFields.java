package io.retentioncenter.channels.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.InvalidPayloadException;
import java.util.Optional;
import java.util.function.Predicate;

/** Optional JSON members, strictly typed: absent or null is empty, a wrong type names the path. */
final class JsonFields {
    private JsonFields() {
    }

    /** The object at {@code field}, if present; throws naming {@code path} when it is not an object. */
    static Optional<JsonNode> optionalObject(JsonNode node, String field, String path) {
        return optional(node, field, path, JsonNode::isObject, "an object");
    }

    /** The array at {@code field}, if present; throws naming {@code path} when it is not an array. */
    static Optional<JsonNode> optionalArray(JsonNode node, String field, String path) {
        return optional(node, field, path, JsonNode::isArray, "an array");
    }

    private static Optional<JsonNode> optional(JsonNode node, String field, String path,
            Predicate<JsonNode> type, String typeName) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!type.test(child)) {
            throw new InvalidPayloadException(path, "must be " + typeName + ", was " + child.getNodeType());
        }
        return Optional.of(child);
    }
}
