package io.retentioncenter.core.lead;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.util.Optional;

/**
 * The fields of a lead an operator edits, as they should read after the edit: an empty value clears
 * the field. Start from the stored lead with {@link #of(Lead)} and change what the form changed. The
 * engine validates and normalizes them as at intake (email lower-cased, phone to E.164) and refuses
 * an email or phone that another lead holds.
 *
 * @param firstName first name
 * @param lastName last name
 * @param email email
 * @param phone phone, in any format intake accepts
 * @param notes the operator's notes, several lines allowed
 */
public record LeadEdit(Optional<String> firstName, Optional<String> lastName, Optional<String> email,
        Optional<String> phone, Optional<String> notes) {

    /** Checks that every field is given and that an email or a phone remains. */
    public LeadEdit {
        Require.present(firstName, "firstName");
        Require.present(lastName, "lastName");
        Require.present(email, "email");
        Require.present(phone, "phone");
        Require.present(notes, "notes");
        if (email.isEmpty() && phone.isEmpty()) {
            throw new ValidationException("email", "a lead needs an email or a phone");
        }
    }

    /** The editable fields of {@code lead} as they are. */
    public static LeadEdit of(Lead lead) {
        Require.present(lead, "lead");
        return new LeadEdit(lead.firstName(), lead.lastName(), lead.email(), lead.phone(), lead.notes());
    }

    /** A copy with this first name; null or blank clears it. */
    public LeadEdit withFirstName(String value) {
        return new LeadEdit(Require.optionalText(value), lastName, email, phone, notes);
    }

    /** A copy with this last name; null or blank clears it. */
    public LeadEdit withLastName(String value) {
        return new LeadEdit(firstName, Require.optionalText(value), email, phone, notes);
    }

    /** A copy with this email; null or blank clears it. */
    public LeadEdit withEmail(String value) {
        return new LeadEdit(firstName, lastName, Require.optionalText(value), phone, notes);
    }

    /** A copy with this phone; null or blank clears it. */
    public LeadEdit withPhone(String value) {
        return new LeadEdit(firstName, lastName, email, Require.optionalText(value), notes);
    }

    /** A copy with these notes; null or blank clears them. */
    public LeadEdit withNotes(String value) {
        return new LeadEdit(firstName, lastName, email, phone, Require.optionalText(value));
    }
}
