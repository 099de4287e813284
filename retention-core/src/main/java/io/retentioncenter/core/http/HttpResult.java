package io.retentioncenter.core.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A completed HTTP exchange: status, headers and body text.
 *
 * @param status HTTP status code
 * @param headers response headers
 * @param body response body as text (may be empty)
 */
public record HttpResult(int status, HttpHeaders headers, String body) {

    /** 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** 429 or 5xx: worth retrying later. */
    public boolean isRetryable() {
        return status == 429 || status >= 500;
    }

    /**
     * The {@code Retry-After} header as a delay from {@code now}: delta-seconds or an HTTP date.
     * Empty when absent or unparseable.
     */
    public Optional<Duration> retryAfter(Instant now) {
        return headers.firstValue("Retry-After").flatMap(v -> parseRetryAfter(v.trim(), now));
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() < 10) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
