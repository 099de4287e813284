package io.retentioncenter.core.internal;

import io.retentioncenter.core.ValidationException;
import java.util.UUID;

/** Generates entity ids: a short type prefix plus a random UUID, e.g. {@code lead_3f2a…}. */
public final class Ids {
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

    /** A new random id with the given prefix. */
    public static String next(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
