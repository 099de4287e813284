package io.retentioncenter.core;

import java.util.UUID;

/** Generates entity ids: a short type prefix plus a random UUID, e.g. {@code lead_3f2a…}. */
public final class Ids {
    private Ids() {
    }

    /** A new random id with the given prefix. */
    public static String next(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
