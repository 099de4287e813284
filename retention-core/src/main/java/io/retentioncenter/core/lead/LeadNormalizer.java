package io.retentioncenter.core.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.retentioncenter.core.Ids;
import io.retentioncenter.core.Require;
import io.retentioncenter.core.ValidationException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates and normalizes captured leads: at least one of email and phone; email trimmed,
 * lower-cased and syntax-checked; phone parsed by libphonenumber (numbers without a country code
 * are read in the default region) and stored as E.164; a full name fills missing first/last names.
 */
public final class LeadNormalizer {
    private static final Pattern EMAIL = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_TEXT_LENGTH = 500;

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
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw new ValidationException("email", "is not a valid email address");
        }
        return email;
    }

    /** The phone as E.164, e.g. {@code +14155550123}. */
    public String normalizePhone(String raw) {
        try {
            PhoneNumber number = phones.parse(raw.trim(), defaultRegion);
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
        Optional<String> first = captured.firstName().map(v -> limit(v, "firstName"));
        Optional<String> last = captured.lastName().map(v -> limit(v, "lastName"));
        if (first.isEmpty() && last.isEmpty() && captured.fullName().isPresent()) {
            String full = limit(captured.fullName().get(), "fullName");
            int space = full.indexOf(' ');
            first = Optional.of(space < 0 ? full : full.substring(0, space));
            last = space < 0 ? Optional.empty() : Require.optionalText(full.substring(space + 1));
        }
        captured.attributes().forEach((k, v) -> limit(v, "attributes." + k));
        return new Lead(Ids.next("lead"), captured.externalId().map(v -> limit(v, "externalId")), first, last, email,
                phone, captured.source(), LeadStatus.NEW, captured.subId().map(v -> limit(v, "subId")),
                captured.clickId().map(v -> limit(v, "clickId")), captured.timezone(), captured.attributes(), 0, now,
                now);
    }

    private static String limit(String value, String field) {
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new ValidationException(field, "is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return value;
    }
}
