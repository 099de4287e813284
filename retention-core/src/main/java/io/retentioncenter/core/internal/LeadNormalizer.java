package io.retentioncenter.core.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadEdit;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.NewLead;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates and normalizes captured leads: at least one of email and phone; email trimmed,
 * lower-cased and syntax-checked; phone parsed by libphonenumber (numbers without a country code
 * are read in the default region) and stored as E.164; a full name fills missing first/last names.
 * Every text follows {@link InputText}: a NUL is refused naming the field, other control characters
 * are replaced, values are trimmed and limited; attributes are capped in number and name length.
 */
public final class LeadNormalizer {
    private static final Pattern EMAIL = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_TEXT_LENGTH = 500;
    /** Longest notes an operator may keep on a lead. */
    public static final int MAX_NOTES_LENGTH = 10_000;
    /** Attributes kept per lead; more are dropped (the lead is kept). */
    public static final int MAX_ATTRIBUTES = 50;
    /** Longest attribute name kept; longer names are dropped with their value. */
    public static final int MAX_ATTRIBUTE_NAME = 100;
    private static final Logger log = LoggerFactory.getLogger(LeadNormalizer.class);

    private final String defaultRegion;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    /** A normalizer reading national phone numbers in {@code defaultRegion} (ISO 3166 code, e.g. {@code US}). */
    public LeadNormalizer(String defaultRegion) {
        String region = Require.text(defaultRegion, "defaultRegion").toUpperCase(Locale.ROOT);
        if (!phones.getSupportedRegions().contains(region)) {
            throw new ValidationException("defaultRegion", "unknown region code " + region);
        }
        this.defaultRegion = region;
    }

    /** The normalized email: trimmed, lower-cased, syntax-checked. */
    public String normalizeEmail(String raw) {
        String email = InputText.singleLine(raw, "email", MAX_EMAIL_LENGTH + 64).toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw new ValidationException("email", "is not a valid email address");
        }
        return email;
    }

    /** The phone as E.164, e.g. {@code +14155550123}. */
    public String normalizePhone(String raw) {
        try {
            PhoneNumber number = phones.parse(InputText.singleLine(raw, "phone", 64), defaultRegion);
            if (!phones.isValidNumber(number)) {
                throw new ValidationException("phone", "is not a valid phone number");
            }
            return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new ValidationException("phone", "cannot be parsed: " + e.getErrorType(), e);
        }
    }

    /** Validates {@code captured} and turns it into a NEW lead with a fresh id, created at {@code now}. */
    public Lead toLead(NewLead captured, Instant now) {
        Require.present(captured, "lead");
        Optional<String> email = captured.email().map(this::normalizeEmail);
        Optional<String> phone = captured.phone().map(this::normalizePhone);
        if (email.isEmpty() && phone.isEmpty()) {
            throw new ValidationException("email", "a lead needs an email or a phone");
        }
        Optional<String> first = text(captured.firstName(), "firstName");
        Optional<String> last = text(captured.lastName(), "lastName");
        Optional<String> full = text(captured.fullName(), "fullName");
        if (first.isEmpty() && last.isEmpty() && full.isPresent()) {
            int space = full.get().indexOf(' ');
            first = Optional.of(space < 0 ? full.get() : full.get().substring(0, space));
            last = space < 0 ? Optional.empty() : Require.optionalText(full.get().substring(space + 1));
        }
        return new Lead(Ids.next("lead"), text(captured.externalId(), "externalId"), first, last, email, phone,
                captured.source(), LeadStatus.NEW, text(captured.subId(), "subId"), text(captured.clickId(), "clickId"),
                captured.timezone(), attributes(captured.attributes()), 0, now, now);
    }

    /**
     * {@code edit} validated and normalized as at intake: names single-line, email and phone
     * normalized, notes multi-line up to {@value #MAX_NOTES_LENGTH} characters.
     */
    public LeadEdit normalize(LeadEdit edit) {
        Require.present(edit, "edit");
        return new LeadEdit(text(edit.firstName(), "firstName"), text(edit.lastName(), "lastName"),
                edit.email().map(this::normalizeEmail), edit.phone().map(this::normalizePhone),
                edit.notes().map(n -> InputText.multiLine(n, "notes", MAX_NOTES_LENGTH)).filter(n -> !n.isEmpty()));
    }

    /**
     * The attributes to keep: names are single-line and at most {@value #MAX_ATTRIBUTE_NAME} characters
     * (longer ones are dropped), values multi-line and cut to {@value #MAX_TEXT_LENGTH} characters, at most
     * {@value #MAX_ATTRIBUTES} of them in name order. A NUL anywhere refuses the lead.
     */
    private static Map<String, String> attributes(Map<String, String> raw) {
        Map<String, String> kept = new TreeMap<>();
        int dropped = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(raw).entrySet()) {
            String name = InputText.singleLine(e.getKey(), "attributes", Integer.MAX_VALUE);
            String field = "attributes." + InputText.echo(name);
            String value = InputText.multiLine(e.getValue(), field, Integer.MAX_VALUE);
            if (name.isEmpty() || name.length() > MAX_ATTRIBUTE_NAME || kept.size() == MAX_ATTRIBUTES) {
                dropped++;
            } else {
                kept.put(name, value.length() > MAX_TEXT_LENGTH ? value.substring(0, MAX_TEXT_LENGTH) : value);
            }
        }
        if (dropped > 0) {
            log.warn("lead attributes: kept {}, dropped {} (over {} attributes or names over {} characters)",
                    kept.size(), dropped, MAX_ATTRIBUTES, MAX_ATTRIBUTE_NAME);
        }
        return kept;
    }

    /** A single-line text field: NUL refused, control characters replaced, trimmed, blank = absent. */
    private static Optional<String> text(Optional<String> value, String field) {
        return value.map(v -> InputText.singleLine(v, field, MAX_TEXT_LENGTH)).filter(v -> !v.isEmpty());
    }
}
