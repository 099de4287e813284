package io.retentioncenter.core.internal;

import io.retentioncenter.core.ValidationException;
import java.security.SecureRandom;

/**
 * Generates entity ids: a short type prefix plus a random (version 4) UUID in 32 hex digits, e.g.
 * {@code lead_3f2a…}. The random bits come from a {@link SecureRandom}, drawn a few kilobytes at a
 * time per thread, as the tick makes several ids per step.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int UUID_BYTES = 16;
    private static final ThreadLocal<RandomBytes> BYTES = ThreadLocal.withInitial(RandomBytes::new);

    private Ids() {
    }

    /** A thread's supply of random bytes, refilled from {@link #RANDOM} when used up. */
    private static final class RandomBytes {
        private final byte[] buffer = new byte[UUID_BYTES * 256];
        private int next = buffer.length;

        /** The offset of 16 fresh bytes in {@link #buffer}. */
        int take() {
            if (next == buffer.length) {
                RANDOM.nextBytes(buffer);
                next = 0;
            }
            int at = next;
            next += UUID_BYTES;
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

    /** A new random id with the given prefix. */
    public static String next(String prefix) {
        RandomBytes random = BYTES.get();
        int at = random.take();
        StringBuilder id = new StringBuilder(prefix.length() + 1 + 2 * UUID_BYTES).append(prefix).append('_');
        for (int i = 0; i < UUID_BYTES; i++) {
            int b = random.buffer[at + i];
            if (i == 6) {
                b = b & 0x0f | 0x40; // version 4
            } else if (i == 8) {
                b = b & 0x3f | 0x80; // IETF variant
            }
            id.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        return id.toString();
    }
}
