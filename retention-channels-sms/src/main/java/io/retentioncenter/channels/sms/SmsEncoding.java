package io.retentioncenter.channels.sms;

import io.retentioncenter.core.ValidationException;
import java.util.Map;

/**
 * How a text travels as SMS: the charset a gateway picks, its length and the number of segments it
 * is billed as. GSM-7 is used when every character is in the GSM 03.38 default alphabet or its
 * extension table (extension characters such as {@code € [ ] { } ^ ~ \ |} take two septets);
 * otherwise UCS-2, counted in UTF-16 code units so an emoji takes two. A long message is split
 * without breaking an escape sequence or a surrogate pair, as gateways do.
 *
 * @param charset GSM-7 or UCS-2
 * @param characters Unicode code points, as a person counts them
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2): what the segment limits count
 * @param segments billed message parts, at least 1
 */
public record SmsEncoding(SmsCharset charset, int characters, int units, int segments) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    /** Validates the counts. */
    public SmsEncoding {
        if (charset == null) {
            throw new ValidationException("charset", "is required");
        }
        if (characters < 1 || units < characters || segments < 1) {
            throw new ValidationException("segments", "inconsistent counts: " + characters + " characters, "
                    + units + " units, " + segments + " segments");
        }
    }

    /**
     * Computes the encoding of a rendered text.
     *
     * @throws ValidationException naming {@code text} when it is null or empty
     */
    public static SmsEncoding of(String text) {
        if (text == null || text.isEmpty()) {
            throw new ValidationException("text", "is required and must not be empty");
        }
        SmsCharset charset = text.codePoints().allMatch(SmsEncoding::isGsm) ? SmsCharset.GSM_7 : SmsCharset.UCS_2;
        int[] costs = text.codePoints().map(cp -> cost(charset, cp)).toArray();
        int units = 0;
        for (int cost : costs) {
            units += cost;
        }
        return new SmsEncoding(charset, costs.length, units, segments(charset, costs, units));
    }

    /** Facts to keep on the attempt: {@code encoding}, {@code segments}, {@code characters}, {@code units}. */
    public Map<String, String> details() {
        return Map.of("encoding", charset.label(), "segments", Integer.toString(segments),
                "characters", Integer.toString(characters), "units", Integer.toString(units));
    }

    private static boolean isGsm(int codePoint) {
        return GSM_BASIC.indexOf(codePoint) >= 0 || GSM_EXTENSION.indexOf(codePoint) >= 0;
    }

    private static int cost(SmsCharset charset, int codePoint) {
        if (charset == SmsCharset.UCS_2) {
            return Character.charCount(codePoint);
        }
        return GSM_EXTENSION.indexOf(codePoint) >= 0 ? 2 : 1;
    }

    private static int segments(SmsCharset charset, int[] costs, int units) {
        if (units <= charset.singleLimit()) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int cost : costs) {
            if (used + cost > charset.partLimit()) {
                segments++;
                used = 0;
            }
            used += cost;
        }
        return segments;
    }
}
