package io.retentioncenter.host.api;

import io.retentioncenter.core.lead.LeadEdit;
import java.util.Optional;

/**
 * Body of {@code PUT /api/leads/{id}}: the editable fields as they should read after the edit; an
 * absent or blank field clears it. An email or a phone must remain.
 */
public record LeadEditRequest(String firstName, String lastName, String email, String phone, String notes) {

    LeadEdit toEdit() {
        return new LeadEdit(given(firstName), given(lastName), given(email), given(phone), given(notes));
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
