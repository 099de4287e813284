package io.retentioncenter.core.inbound.meta;

import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.internal.Require;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ids Meta attaches to a lead, from a {@code leadgen} webhook change or a Graph lead. Ids are
 * strings with their exact digits (JSON numbers included). On a {@code NewLead} they appear as the
 * {@code meta.*} attributes named by the constants below.
 *
 * @param leadgenId the lead id, Meta's replay key
 * @param pageId the Page that owns the form
 * @param formId the lead form
 * @param adId the ad (absent for organic and test leads)
 * @param adgroupId the ad group (absent for organic and test leads)
 * @param createdTime when the lead was submitted
 */
public record MetaLeadRef(
        Optional<String> leadgenId,
        Optional<String> pageId,
        Optional<String> formId,
        Optional<String> adId,
        Optional<String> adgroupId,
        Optional<Instant> createdTime) {

    /** Attribute holding the lead id. */
    public static final String LEADGEN_ID_ATTRIBUTE = "meta.leadgen_id";
    /** Attribute holding the Page id. */
    public static final String PAGE_ID_ATTRIBUTE = "meta.page_id";
    /** Attribute holding the form id. */
    public static final String FORM_ID_ATTRIBUTE = "meta.form_id";
    /** Attribute holding the ad id. */
    public static final String AD_ID_ATTRIBUTE = "meta.ad_id";
    /** Attribute holding the ad group id. */
    public static final String ADGROUP_ID_ATTRIBUTE = "meta.adgroup_id";
    /** Attribute holding the submission time as an ISO-8601 instant. */
    public static final String CREATED_TIME_ATTRIBUTE = "meta.created_time";

    /** Graph's {@code created_time} format, e.g. {@code 2015-02-28T08:49:14+0000}. */
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    /** Checks that every component is present (possibly empty). */
    public MetaLeadRef {
        Require.present(leadgenId, "leadgenId");
        Require.present(pageId, "pageId");
        Require.present(formId, "formId");
        Require.present(adId, "adId");
        Require.present(adgroupId, "adgroupId");
        Require.present(createdTime, "createdTime");
    }

    /** A ref without any id. */
    public static MetaLeadRef empty() {
        return new MetaLeadRef(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The present ids as {@code meta.*} lead attributes. */
    public Map<String, String> attributes() {
        Map<String, String> out = new LinkedHashMap<>();
        leadgenId.ifPresent(v -> out.put(LEADGEN_ID_ATTRIBUTE, v));
        pageId.ifPresent(v -> out.put(PAGE_ID_ATTRIBUTE, v));
        formId.ifPresent(v -> out.put(FORM_ID_ATTRIBUTE, v));
        adId.ifPresent(v -> out.put(AD_ID_ATTRIBUTE, v));
        adgroupId.ifPresent(v -> out.put(ADGROUP_ID_ATTRIBUTE, v));
        createdTime.ifPresent(v -> out.put(CREATED_TIME_ATTRIBUTE, v.toString()));
        return out;
    }

    /** This ref with every absent id taken from {@code fallback}. */
    MetaLeadRef orElse(MetaLeadRef fallback) {
        return new MetaLeadRef(leadgenId.or(fallback::leadgenId), pageId.or(fallback::pageId),
                formId.or(fallback::formId), adId.or(fallback::adId), adgroupId.or(fallback::adgroupId),
                createdTime.or(fallback::createdTime));
    }

    /** Parses unix seconds (webhook) or {@code yyyy-MM-dd'T'HH:mm:ssZ} (Graph), naming {@code path} on failure. */
    static Instant parseTime(String text, String path) {
        try {
            if (text.chars().allMatch(Character::isDigit) && text.length() <= 12) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            return OffsetDateTime.parse(text, GRAPH_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidPayloadException(path, "must be unix seconds or yyyy-MM-dd'T'HH:mm:ssZ", e);
        }
    }
}
