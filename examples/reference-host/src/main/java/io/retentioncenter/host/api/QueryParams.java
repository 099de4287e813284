package io.retentioncenter.host.api;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.ValidationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of a filter route, read by name: a value that does not parse becomes a
 * {@link ValidationException} naming the parameter (a 400), never a 500. Repeated or comma-separated
 * values make lists.
 */
final class QueryParams {
    private final MultiValueMap<String, String> values;

    QueryParams(MultiValueMap<String, String> values) {
        this.values = values;
    }

    /** The single value of {@code name}, blank counting as absent. */
    Optional<String> text(String name) {
        List<String> all = values.getOrDefault(name, List.of());
        if (all.size() > 1) {
            throw new ValidationException(name, "is given " + all.size() + " times; give it once");
        }
        return all.stream().map(String::trim).filter(v -> !v.isEmpty()).findFirst();
    }

    /** Every value of {@code name} (repeated or comma-separated) as constants of {@code type}. */
    <E extends Enum<E>> List<E> enums(String name, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(constant(name, type, part.trim()));
                }
            }
        }
        return out;
    }

    <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        return text(name).map(v -> constant(name, type, v));
    }

    Optional<Instant> instant(String name) {
        return parsed(name, Instant::parse, "an ISO-8601 instant such as 2026-11-30T09:00:00Z");
    }

    Optional<LocalDate> date(String name) {
        return parsed(name, LocalDate::parse, "a date such as 2026-11-30");
    }

    /** The IANA zone of {@code name}, UTC when absent. */
    ZoneId zone(String name) {
        return parsed(name, ZoneId::of, "a time zone id such as Europe/Madrid").orElse(ZoneId.of("UTC"));
    }

    boolean flag(String name, boolean fallback) {
        return text(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(name, "must be true or false, was " + v);
        }).orElse(fallback);
    }

    int integer(String name, int fallback) {
        return parsed(name, Integer::parseInt, "a whole number").orElse(fallback);
    }

    /** The page of {@code offset} (default 0) and {@code limit} (default 50), validated by the library. */
    PageRequest page() {
        return Requests.page(integer("offset", 0), integer("limit", 50));
    }

    private <T> Optional<T> parsed(String name, Function<String, T> parser, String expected) {
        return text(name).map(v -> {
            try {
                return parser.apply(v);
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new ValidationException(name, "must be " + expected + ", was " + v);
            }
        });
    }

    private static <E extends Enum<E>> E constant(String name, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "must be one of " + List.of(type.getEnumConstants()) + ", was " + value);
        }
    }
}
