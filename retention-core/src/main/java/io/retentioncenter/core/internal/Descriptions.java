package io.retentioncenter.core.internal;

import java.util.Optional;

/**
 * The rule for the optional description of a campaign, script or sequence: multi-line text under
 * {@link InputText#multiLine} (a NUL refused, other control characters but line feeds and tabs
 * removed, trimmed), at most {@value #MAX_LENGTH} characters; blank means none.
 */
public final class Descriptions {
    /** Longest description kept. */
    public static final int MAX_LENGTH = 2_000;

    private Descriptions() {
    }

    /**
     * The cleaned description, empty when absent or blank.
     *
     * @throws io.retentioncenter.core.ValidationException naming {@code description} when it is null,
     *     holds a NUL or is longer than {@value #MAX_LENGTH} characters
     */
    public static Optional<String> clean(Optional<String> description) {
        return Require.present(description, "description")
                .map(d -> InputText.multiLine(d, "description", MAX_LENGTH))
                .filter(d -> !d.isEmpty());
    }

    /** {@link #clean} of a value that may be null (no description). */
    public static Optional<String> of(String description) {
        return clean(Optional.ofNullable(description));
    }
}
