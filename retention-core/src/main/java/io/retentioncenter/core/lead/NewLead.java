package io.retentioncenter.core.lead;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lead as captured, before validation and normalization. Build with {@link #builder(LeadSource)};
 * {@link io.retentioncenter.core.lead.LeadService#ingest(NewLead)} validates it.
 *
 * @param source where the lead came from
 * @param firstName first name as captured
 * @param lastName last name as captured
 * @param fullName full name as captured, split into first and last when those are absent
 * @param email email as captured
 * @param phone phone as captured, in any format libphonenumber understands
 * @param externalId tracker id (Keitaro sub id) for conversion matching
 * @param subId ad click sub id
 * @param clickId ad click id
 * @param timezone the lead's time zone, if known
 * @param attributes further form fields
 */
public record NewLead(
        LeadSource source,
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<String> fullName,
        Optional<String> email,
        Optional<String> phone,
        Optional<String> externalId,
        Optional<String> subId,
        Optional<String> clickId,
        Optional<ZoneId> timezone,
        Map<String, String> attributes) {

    /**
     * Checks presence of the components (not their content) and copies the attributes.
     *
     * @throws ValidationException naming the component that is null, or {@code attributes} when it holds
     *     a null name or value
     */
    public NewLead {
        Require.present(source, "source");
        Require.present(firstName, "firstName");
        Require.present(lastName, "lastName");
        Require.present(fullName, "fullName");
        Require.present(email, "email");
        Require.present(phone, "phone");
        Require.present(externalId, "externalId");
        Require.present(subId, "subId");
        Require.present(clickId, "clickId");
        Require.present(timezone, "timezone");
        Require.present(attributes, "attributes");
        if (attributes.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw new ValidationException("attributes", "must not hold a null name or value");
        }
        attributes = Map.copyOf(attributes);
    }

    /** Starts a builder for a lead from {@code source}. */
    public static Builder builder(LeadSource source) {
        return new Builder(source);
    }

    /** A lead with just an email and/or phone (either may be null). */
    public static NewLead of(LeadSource source, String email, String phone) {
        return builder(source).email(email).phone(phone).build();
    }

    /** Builder; blank strings count as absent. */
    public static final class Builder {
        private final LeadSource source;
        private String firstName;
        private String lastName;
        private String fullName;
        private String email;
        private String phone;
        private String externalId;
        private String subId;
        private String clickId;
        private ZoneId timezone;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(LeadSource source) {
            this.source = source;
        }

        /** First name. */
        public Builder firstName(String value) {
            firstName = value;
            return this;
        }

        /** Last name. */
        public Builder lastName(String value) {
            lastName = value;
            return this;
        }

        /** Full name, used to fill first and last name when they are absent. */
        public Builder fullName(String value) {
            fullName = value;
            return this;
        }

        /** Email address. */
        public Builder email(String value) {
            email = value;
            return this;
        }

        /** Phone number in any common format. */
        public Builder phone(String value) {
            phone = value;
            return this;
        }

        /** Tracker id (Keitaro sub id). */
        public Builder externalId(String value) {
            externalId = value;
            return this;
        }

        /** Ad click sub id. */
        public Builder subId(String value) {
            subId = value;
            return this;
        }

        /** Ad click id. */
        public Builder clickId(String value) {
            clickId = value;
            return this;
        }

        /** The lead's time zone. */
        public Builder timezone(ZoneId value) {
            timezone = value;
            return this;
        }

        /** One further attribute; null or blank values are ignored. */
        public Builder attribute(String key, String value) {
            if (key != null && !key.isBlank() && value != null && !value.isBlank()) {
                attributes.put(key.trim(), value.trim());
            }
            return this;
        }

        /** Builds the captured lead (validation happens on ingest). */
        public NewLead build() {
            return new NewLead(source, Require.optionalText(firstName), Require.optionalText(lastName),
                    Require.optionalText(fullName), Require.optionalText(email), Require.optionalText(phone),
                    Require.optionalText(externalId), Require.optionalText(subId), Require.optionalText(clickId),
                    Optional.ofNullable(timezone), attributes);
        }
    }
}
