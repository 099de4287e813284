package io.retentioncenter.host.api;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Body of {@code POST /api/leads}; every field is optional except an email or a phone (the library
 * says which). {@code source} defaults to API, {@code timezone} is an IANA zone id.
 */
public record LeadRequest(LeadSource source, String firstName, String lastName, String fullName, String email,
        String phone, String externalId, String subId, String clickId, String timezone,
        Map<String, String> attributes) {

    NewLead toNewLead() {
        NewLead.Builder b = NewLead.builder(source == null ? LeadSource.API : source);
        set(firstName, b::firstName);
        set(lastName, b::lastName);
        set(fullName, b::fullName);
        set(email, b::email);
        set(phone, b::phone);
        set(externalId, b::externalId);
        set(subId, b::subId);
        set(clickId, b::clickId);
        set(timezone, zone -> b.timezone(zone(zone)));
        Optional.ofNullable(attributes).ifPresent(a -> a.forEach(b::attribute));
        return b.build();
    }

    private static void set(String value, Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new ValidationException("timezone", "is not a time zone id: " + id);
        }
    }
}
