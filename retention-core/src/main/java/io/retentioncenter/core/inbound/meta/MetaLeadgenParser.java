package io.retentioncenter.core.inbound.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.internal.PayloadIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code page} notification into a {@link MetaLeadgenBatch}. A bad entry or change becomes
 * an error of the batch without losing the others; a bad envelope fails the whole body. Pure.
 */
final class MetaLeadgenParser {
    private final List<MetaLeadgenItem> items = new ArrayList<>();
    private final List<MetaLeadgenError> errors = new ArrayList<>();
    private int ignoredChanges;

    private MetaLeadgenParser() {
    }

    /**
     * Parses the notification object.
     *
     * @throws InvalidPayloadException when {@code object} is not {@code "page"}, {@code entry} is not an
     *     array, or the entries and changes number more than {@link MetaWebhooks#MAX_CHANGES}
     */
    static MetaLeadgenBatch parse(JsonNode root) {
        String object = JsonPayload.requiredText(root, "object", "object");
        if (!"page".equals(object)) {
            throw new InvalidPayloadException("object", "must be \"page\" for leadgen notifications");
        }
        JsonNode entries = JsonPayload.requiredArray(root, "entry", "entry");
        long size = entries.size();
        for (JsonNode entry : entries) {
            JsonNode changes = entry.get("changes");
            size += changes != null && changes.isArray() ? changes.size() : 0;
        }
        if (size > MetaWebhooks.MAX_CHANGES) {
            throw new InvalidPayloadException("entry", "has " + size + " entries and changes, more than the "
                    + MetaWebhooks.MAX_CHANGES + " one delivery may carry");
        }
        MetaLeadgenParser parser = new MetaLeadgenParser();
        for (int i = 0; i < entries.size(); i++) {
            parser.entry(entries.get(i), "entry[" + i + "]");
        }
        return new MetaLeadgenBatch(parser.items, parser.errors, parser.ignoredChanges);
    }

    private void entry(JsonNode entry, String path) {
        JsonNode changes;
        Optional<String> pageId;
        try {
            if (!entry.isObject()) {
                throw new InvalidPayloadException(path, "must be an object");
            }
            pageId = id(entry, "id", path);
            changes = JsonPayload.requiredArray(entry, "changes", path + ".changes");
        } catch (InvalidPayloadException e) {
            errors.add(MetaLeadgenError.of(e));
            return;
        }
        for (int j = 0; j < changes.size(); j++) {
            String changePath = path + ".changes[" + j + "]";
            try {
                change(changes.get(j), changePath, pageId);
            } catch (InvalidPayloadException e) {
                errors.add(MetaLeadgenError.of(e));
            }
        }
    }

    private void change(JsonNode change, String path, Optional<String> entryPageId) {
        if (!change.isObject()) {
            throw new InvalidPayloadException(path, "must be an object");
        }
        if (!"leadgen".equals(JsonPayload.requiredText(change, "field", path + ".field"))) {
            ignoredChanges++;
            return;
        }
        String valuePath = path + ".value";
        JsonNode value = JsonPayload.requiredObject(change, "value", valuePath);
        MetaLeadRef ref = ref(value, valuePath, entryPageId);
        Map<String, String> answers = value.has("field_data")
                ? MetaLeadFields.fromFieldData(value.get("field_data"), valuePath + ".field_data")
                : MetaLeadFields.fromFlat(value, valuePath);
        if (answers.isEmpty() && ref.leadgenId().isEmpty()) {
            throw new InvalidPayloadException(valuePath, "has neither leadgen_id nor lead fields");
        }
        items.add(new MetaLeadgenItem(path, ref,
                answers.isEmpty() ? Optional.empty() : Optional.of(MetaLeadFields.toNewLead(answers, ref))));
    }

    private static MetaLeadRef ref(JsonNode value, String path, Optional<String> entryPageId) {
        return new MetaLeadRef(
                id(value, "leadgen_id", path),
                id(value, "page_id", path).or(() -> entryPageId),
                id(value, "form_id", path),
                id(value, "ad_id", path),
                id(value, "adgroup_id", path),
                JsonPayload.optionalText(value, "created_time", path + ".created_time")
                        .map(t -> MetaLeadRef.parseTime(t, path + ".created_time")));
    }

    /** The id at {@code field}: text or number, then {@link PayloadIds} (no NUL, at most 100 characters). */
    private static Optional<String> id(JsonNode node, String field, String path) {
        String idPath = path + "." + field;
        return PayloadIds.optional(JsonPayload.optionalText(node, field, idPath), idPath);
    }
}
