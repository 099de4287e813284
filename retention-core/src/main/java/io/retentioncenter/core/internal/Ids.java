package io.retentioncenter.core.internal;

import io.retentioncenter.core.ValidationException;
import java.security.SecureRandom;

/**
 * Generates entity ids: a short type prefix plus 32 hex digits, e.g. {@code lead_0194c3…}: the
 * creation millisecond (12 digits), then 80 random bits. Ids made later sort later, so the rows of a
 * bulk load land at the right edge of every index keyed by id (or by a time and an id) instead of on
 * random pages all over it, and the random part keeps them unguessable.
 * The random bits come from a {@link SecureRandom}, drawn a few kilobytes at a time per thread, as the
 * tick makes several ids per step.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int RANDOM_BYTES = 10;
    private static final ThreadLocal<RandomBytes> BYTES = ThreadLocal.withInitial(RandomBytes::new);

    private Ids() {
    }

    /** A thread's supply of random bytes, refilled from {@link #RANDOM} when used up. */
    private static final class RandomBytes {
        private final byte[] buffer = new byte[RANDOM_BYTES * 400];
        private int next = buffer.length;

        /** The offset of {@value #RANDOM_BYTES} fresh bytes in {@link #buffer}. */
        int take() {
            if (next == buffer.length) {
                RANDOM.nextBytes(buffer);
                next = 0;
            }
            int at = next;
            next += RANDOM_BYTES;
            return at;
        }
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
        return next(prefix, System.currentTimeMillis());
    }

    /** A new id with the given prefix made at {@code millis} (epoch milliseconds). */
    static String next(String prefix, long millis) {
        RandomBytes random = BYTES.get();
        int at = random.take();
        StringBuilder id = new StringBuilder(prefix.length() + 33).append(prefix).append('_');
        for (int shift = 44; shift >= 0; shift -= 4) {
            id.append(HEX[(int) (millis >>> shift) & 0xf]);
        }
        for (int i = 0; i < RANDOM_BYTES; i++) {
            int b = random.buffer[at + i];
            id.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        return id.toString();
    }
}
