package io.retentioncenter.core.internal;

import io.retentioncenter.core.ValidationException;
import java.util.Collection;
import java.util.Optional;

/** Argument checks that throw {@link ValidationException} naming the field, never an NPE. */
public final class Require {
    private Require() {
    }

    /** Returns {@code value} or throws when it is null. */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    /** Returns the trimmed {@code value} or throws when it is null or blank. */
    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required and must not be blank");
        }
        return value.trim();
    }

    /** Returns the trimmed value, or empty when {@code value} is null or blank. */
    public static Optional<String> optionalText(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Returns {@code value} or throws when it is not strictly positive. */
    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new ValidationException(field, "must be positive, was " + value);
        }
        return value;
    }

    /** Returns {@code value} or throws when it is negative. */
    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new ValidationException(field, "must not be negative, was " + value);
        }
        return value;
    }

    /** Returns {@code values} or throws when it is null or empty. */
    public static <C extends Collection<?>> C notEmpty(C values, String field) {
        if (values == null || values.isEmpty()) {
            throw new ValidationException(field, "must not be empty");
        }
        return values;
    }
}
