package io.retentioncenter.core.lead;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * A stored lead. Email is lower-cased and trimmed, phone is E.164; at least one of them is present.
 *
 * @param id library id
 * @param externalId the tracker's id for the lead (Keitaro sub id), if known
 * @param firstName first name
 * @param lastName last name
 * @param email normalized email
 * @param phone E.164 phone number
 * @param source where the lead came from
 * @param status lifecycle status
 * @param subId tracker sub id from the ad click
 * @param clickId ad click id
 * @param timezone the lead's own time zone, used for schedule hours when known
 * @param attributes further form fields, usable as script variables
 * @param contactCount attempts recorded for this lead, checked against campaign contact limits
 * @param createdAt creation time
 * @param updatedAt last change
 * @param notes an operator's notes on the lead
 */
public record Lead(
        String id,
        Optional<String> externalId,
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<String> email,
        Optional<String> phone,
        LeadSource source,
        LeadStatus status,
        Optional<String> subId,
        Optional<String> clickId,
        Optional<ZoneId> timezone,
        Map<String, String> attributes,
        int contactCount,
        Instant createdAt,
        Instant updatedAt,
        Optional<String> notes) {

    /** Checks required fields and copies the attribute map. */
    public Lead {
        Require.text(id, "id");
        Require.present(externalId, "externalId");
        Require.present(firstName, "firstName");
        Require.present(lastName, "lastName");
        Require.present(email, "email");
        Require.present(phone, "phone");
        Require.present(source, "source");
        Require.present(status, "status");
        Require.present(subId, "subId");
        Require.present(clickId, "clickId");
        Require.present(timezone, "timezone");
        attributes = Map.copyOf(Require.present(attributes, "attributes"));
        Require.nonNegative(contactCount, "contactCount");
        Require.present(createdAt, "createdAt");
        Require.present(updatedAt, "updatedAt");
        Require.present(notes, "notes");
        if (email.isEmpty() && phone.isEmpty()) {
            throw new io.retentioncenter.core.ValidationException("email", "a lead needs an email or a phone");
        }
    }

    /** A lead without notes, as intake creates it. */
    public Lead(String id, Optional<String> externalId, Optional<String> firstName, Optional<String> lastName,
            Optional<String> email, Optional<String> phone, LeadSource source, LeadStatus status,
            Optional<String> subId, Optional<String> clickId, Optional<ZoneId> timezone,
            Map<String, String> attributes, int contactCount, Instant createdAt, Instant updatedAt) {
        this(id, externalId, firstName, lastName, email, phone, source, status, subId, clickId, timezone, attributes,
                contactCount, createdAt, updatedAt, Optional.empty());
    }

    /** The address this lead is reached at on {@code channel}, if it has one. */
    public Optional<String> addressFor(Channel channel) {
        return channel.needsPhone() ? phone : email;
    }

    /** First and last name joined with a space, or empty. */
    public Optional<String> fullName() {
        String joined = (firstName.orElse("") + " " + lastName.orElse("")).trim();
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    /** A copy with another status, checked against the state machine. */
    public Lead withStatus(LeadStatus next, Instant at) {
        return new Lead(id, externalId, firstName, lastName, email, phone, source, status.moveTo(next), subId,
                clickId, timezone, attributes, contactCount, createdAt, at, notes);
    }

    /** A copy whose contact count is one higher. */
    public Lead withOneMoreContact(Instant at) {
        return new Lead(id, externalId, firstName, lastName, email, phone, source, status, subId, clickId,
                timezone, attributes, contactCount + 1, createdAt, at, notes);
    }

    /** A copy whose names, email, phone and notes are those of {@code edit} (normalized already). */
    public Lead edited(LeadEdit edit, Instant at) {
        return new Lead(id, externalId, edit.firstName(), edit.lastName(), edit.email(), edit.phone(), source, status,
                subId, clickId, timezone, attributes, contactCount, createdAt, at, edit.notes());
    }

    /** The email with the local part masked, for logs: {@code m***@example.com}. */
    public static String maskEmail(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** The phone with all but the last two digits masked, for logs. */
    public static String maskPhone(String phone) {
        return phone.length() <= 2 ? "**" : "*".repeat(phone.length() - 2) + phone.substring(phone.length() - 2);
    }
}
