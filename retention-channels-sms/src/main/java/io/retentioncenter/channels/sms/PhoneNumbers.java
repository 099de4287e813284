package io.retentioncenter.channels.sms;

import io.retentioncenter.core.lead.Lead;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E.164 handling for the numbers SMS gateways send and receive. Gateways write international
 * numbers with or without the leading {@code +} (SMS-Retail omits it), sometimes with a {@code 00}
 * prefix or spacing; a bare digit string is taken as international, because neither gateway
 * documents national formats.
 */
public final class PhoneNumbers {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-]");
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d{7,15}");

    private PhoneNumbers() {
    }

    /** Whether {@code value} is already an E.164 number: {@code +}, then 7 to 15 digits, no leading 0. */
    public static boolean isE164(String value) {
        return value != null && E164.matcher(value).matches();
    }

    /**
     * The E.164 form of {@code raw} ({@code +14155550123} from {@code 14155550123},
     * {@code 0014155550123} or {@code +1 (415) 555-0123}); empty when it is not an international number.
     */
    public static Optional<String> toE164(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        } else if (!compact.startsWith("+")) {
            compact = "+" + compact;
        }
        return isE164(compact) ? Optional.of(compact) : Optional.empty();
    }

    /**
     * {@code text} with every phone-like digit run (7 to 15 digits, optional {@code +}) masked by
     * {@link Lead#maskPhone}, for provider texts that are stored or logged.
     */
    public static String maskPhonesIn(String text) {
        return text == null ? "" : PHONE_LIKE.matcher(text).replaceAll(m -> Lead.maskPhone(m.group()));
    }

    /** {@link #toE164} when possible, otherwise the trimmed original (e.g. an alphanumeric sender). */
    public static String normalizedOrRaw(String raw) {
        return toE164(raw).orElse(raw == null ? "" : raw.trim());
    }
}
