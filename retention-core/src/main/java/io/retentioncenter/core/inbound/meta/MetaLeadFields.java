package io.retentioncenter.core.inbound.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.internal.InputText;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lead form answers to {@link NewLead}: reads the {@code field_data[]} and flat shapes into one
 * ordered name → answer map, then maps the standard Meta keys onto the lead and keeps every other
 * answer as an attribute.
 */
final class MetaLeadFields {
    /** Keys of a change value that carry ids rather than answers. */
    private static final Set<String> ID_KEYS = Set.of("leadgen_id", "page_id", "form_id", "ad_id", "adgroup_id", "created_time");

    private MetaLeadFields() {
    }

    /**
     * Reads {@code field_data[]} of {@code {name, values[]}}. A question without {@code values} (or
     * with an empty list) was not answered and is left out; several values are joined with ", ".
     */
    static Map<String, String> fromFieldData(JsonNode fieldData, String path) {
        if (!fieldData.isArray()) {
            throw new InvalidPayloadException(path, "must be an array");
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < fieldData.size(); i++) {
            String itemPath = path + "[" + i + "]";
            JsonNode item = fieldData.get(i);
            if (!item.isObject()) {
                throw new InvalidPayloadException(itemPath, "must be an object");
            }
            String name = JsonPayload.requiredText(item, "name", itemPath + ".name");
            String answer = String.join(", ", values(item.get("values"), itemPath + ".values"));
            if (!answer.isBlank()) {
                answers.put(name, answer);
            }
        }
        return answers;
    }

    /** Reads every scalar of a flat change value except the {@link #ID_KEYS}; blank answers are left out. */
    static Map<String, String> fromFlat(JsonNode value, String path) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ID_KEYS.contains(name)) {
                JsonPayload.optionalText(value, name, path + "." + InputText.echo(name)).ifPresent(v -> answers.put(name, v));
            }
        }
        return answers;
    }

    /**
     * The captured lead: {@code first_name}, {@code last_name}, {@code full_name}, {@code email}
     * (else {@code work_email}), {@code phone_number} (else {@code phone}), {@code external_id},
     * {@code sub_id} (else {@code subid}), {@code click_id} (else {@code clickid}) fill the lead;
     * every other answer becomes an attribute under its own name, then the ids of {@code ref}.
     */
    static NewLead toNewLead(Map<String, String> answers, MetaLeadRef ref) {
        Map<String, String> rest = new LinkedHashMap<>(answers);
        NewLead.Builder lead = NewLead.builder(LeadSource.META)
                .firstName(rest.remove("first_name"))
                .lastName(rest.remove("last_name"))
                .fullName(rest.remove("full_name"))
                .email(take(rest, "email", "work_email"))
                .phone(take(rest, "phone_number", "phone"))
                .externalId(rest.remove("external_id"))
                .subId(take(rest, "sub_id", "subid"))
                .clickId(take(rest, "click_id", "clickid"));
        rest.forEach(lead::attribute);
        ref.attributes().forEach(lead::attribute);
        return lead.build();
    }

    private static String take(Map<String, String> answers, String key, String fallbackKey) {
        return answers.containsKey(key) ? answers.remove(key) : answers.remove(fallbackKey);
    }

    private static List<String> values(JsonNode values, String path) {
        List<String> out = new ArrayList<>();
        if (values == null || values.isNull()) {
            return out;
        }
        if (!values.isArray()) {
            throw new InvalidPayloadException(path, "must be an array");
        }
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            if (v.isTextual()) {
                if (!v.textValue().isBlank()) {
                    out.add(v.textValue().trim());
                }
            } else if (v.isNumber()) {
                out.add(JsonPayload.numberText(v, path + "[" + i + "]"));
            } else if (!v.isNull()) {
                throw new InvalidPayloadException(path + "[" + i + "]", "must be a string or number, was " + v.getNodeType());
            }
        }
        return out;
    }
}
