package io.retentioncenter.core.internal;

import io.retentioncenter.core.ValidationException;
import java.security.SecureRandom;

/**
 * Generates entity ids: a short type prefix plus 32 hex digits, e.g. {@code lead_0194c3…}: the
 * creation millisecond (12 digits), then 80 random bits. Ids made later sort later, so the rows of a
 * bulk load land at the right edge of every index keyed by id (or by a time and an id) instead of on
 * random pages all over it, and the random part keeps them unguessable.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /**
     * The id of a declared configuration object: {@code prefix + "." + key}, the same on every engine
     * and after every restart (random ids never contain a dot, so the two never collide).
     *
     * @throws ValidationException when {@code key} is not 1-64 lower-case letters, digits, {@code -}
     *     or {@code _}, starting with a letter or digit
     */
    public static String declared(String prefix, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ValidationException("key", "must be 1-64 characters a-z, 0-9, '-' or '_', starting with a letter"
                    + " or digit");
        }
        return prefix + "." + key;
    }

    /** A new id with the given prefix, in creation order (see the class comment). */
    public static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix.length() + 33).append(prefix).append('_');
        hex(id, System.currentTimeMillis(), 12);
        hex(id, RANDOM.nextLong(), 16);
        hex(id, RANDOM.nextInt(), 4);
        return id.toString();
    }

    /** Appends the low {@code digits} hex digits of {@code value}, most significant first. */
    private static void hex(StringBuilder to, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            to.append(HEX[(int) (value >>> shift) & 0xf]);
        }
    }
}
