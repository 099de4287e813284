package io.retentioncenter.core.engine;

import io.retentioncenter.core.ValidationException;

/**
 * The one rule for text that enters the store from outside (lead fields and attributes, postback
 * parameters, provider event fields), applied before any store sees it, so that memory, H2 and
 * PostgreSQL keep the same thing: a NUL character is refused with a {@link ValidationException}
 * naming the field (PostgreSQL cannot store it); other control characters are replaced by a space in
 * single-line text and removed from multi-line text except line feeds and tabs; the result is
 * trimmed; a value longer than its limit is refused or cut, as the caller chooses.
 */
public final class InputText {
    /** How much of an input an error message may echo. */
    public static final int ECHO_LENGTH = 60;

    private InputText() {
    }

    /**
     * {@code value} as single-line text: NUL refused, other control characters (line breaks included)
     * replaced by a space, trimmed.
     *
     * @throws ValidationException naming {@code field} for a NUL, or when longer than {@code maxLength}
     */
    public static String singleLine(String value, String field, int maxLength) {
        String clean = clean(value, field, false).trim();
        return refuseLonger(clean, field, maxLength);
    }

    /**
     * {@code value} as multi-line text: NUL refused, {@code \r\n} and {@code \r} turned into
     * {@code \n}, other control characters but tab removed, trimmed.
     *
     * @throws ValidationException naming {@code field} for a NUL, or when longer than {@code maxLength}
     */
    public static String multiLine(String value, String field, int maxLength) {
        String clean = clean(value.replace("\r\n", "\n").replace('\r', '\n'), field, true).trim();
        return refuseLonger(clean, field, maxLength);
    }

    /** {@link #singleLine} cut to {@code maxLength} characters instead of refused when longer. */
    public static String singleLineCut(String value, String field, int maxLength) {
        String clean = clean(value, field, false).trim();
        return clean.length() > maxLength ? clean.substring(0, maxLength) : clean;
    }

    /**
     * {@code value} with every control character (NUL and line breaks included) replaced by a space:
     * for text that must stay on one line, such as an email subject rendered from a lead's data.
     */
    public static String flatten(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }

    /**
     * A short, single-line prefix of {@code value} for error messages and logs: at most
     * {@link #ECHO_LENGTH} characters, control characters replaced, "…" when cut. Never throws.
     */
    public static String echo(String value) {
        if (value == null) {
            return "null";
        }
        String prefix = flatten(value.length() > ECHO_LENGTH ? value.substring(0, ECHO_LENGTH) : value);
        return value.length() > ECHO_LENGTH ? prefix + "…" : prefix;
    }

    /** Whether {@code value} holds a NUL character. */
    public static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    private static String clean(String value, String field, boolean multiLine) {
        if (hasNul(value)) {
            throw new ValidationException(field, "contains a NUL character");
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean keep = !Character.isISOControl(c) || multiLine && (c == '\n' || c == '\t');
            if (!keep && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                if (keep) {
                    out.append(c);
                } else if (!multiLine) {
                    out.append(' ');
                }
            }
        }
        return out == null ? value : out.toString();
    }

    private static String refuseLonger(String value, String field, int maxLength) {
        if (value.length() > maxLength) {
            throw new ValidationException(field, "is longer than " + maxLength + " characters");
        }
        return value;
    }
}
