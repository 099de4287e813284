package io.retentioncenter.core.internal;

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
        return refuseLonger(clean(refuseNul(value, field), false).trim(), field, maxLength);
    }

    /** {@link #singleLine} cut to {@code maxLength} characters instead of refused when longer. */
    public static String singleLineCut(String value, String field, int maxLength) {
        return cut(clean(refuseNul(value, field), false).trim(), maxLength);
    }

    /**
     * {@code value} as multi-line text: NUL refused, {@code \r\n} and {@code \r} turned into
     * {@code \n}, other control characters but tab removed, trimmed.
     *
     * @throws ValidationException naming {@code field} for a NUL, or when longer than {@code maxLength}
     */
    public static String multiLine(String value, String field, int maxLength) {
        return refuseLonger(clean(refuseNul(value, field), true).trim(), field, maxLength);
    }

    /**
     * Provider-written text kept for people to read (a call transcript, an error detail): like
     * {@link #multiLine}, but a NUL is removed rather than refused and the text is cut to
     * {@code maxLength}. Never throws.
     */
    public static String readable(String value, int maxLength) {
        return cut(clean(value, true).trim(), maxLength);
    }

    /**
     * {@code value} with every control character (NUL and line breaks included) replaced by a space:
     * for text that must stay on one line, such as an email subject rendered from a lead's data.
     */
    public static String flatten(String value) {
        return clean(value, false);
    }

    /**
     * A short, single-line prefix of {@code value} for error messages and logs: at most
     * {@link #ECHO_LENGTH} characters, control characters replaced, "…" when cut. Never throws.
     */
    public static String echo(String value) {
        if (value == null) {
            return "null";
        }
        String prefix = flatten(cut(value, ECHO_LENGTH));
        return value.length() > ECHO_LENGTH ? prefix + "…" : prefix;
    }

    /** Whether {@code value} holds a NUL character. */
    public static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    private static String refuseNul(String value, String field) {
        if (hasNul(value)) {
            throw new ValidationException(field, "contains a NUL character");
        }
        return value;
    }

    /** Single-line: every control character becomes a space. Multi-line: line breaks become {@code \n}, tabs stay, the rest goes. */
    private static String clean(String value, boolean multiLine) {
        String text = multiLine ? value.replace("\r\n", "\n").replace('\r', '\n') : value;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = !Character.isISOControl(c) || multiLine && (c == '\n' || c == '\t');
            if (!keep && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (keep) {
                    out.append(c);
                } else if (!multiLine) {
                    out.append(' ');
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String cut(String value, int maxLength) {
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }

    private static String refuseLonger(String value, String field, int maxLength) {
        if (value.length() > maxLength) {
            throw new ValidationException(field, "is longer than " + maxLength + " characters");
        }
        return value;
    }
}
