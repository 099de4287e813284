package io.retentioncenter.core.dashboard;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.internal.Require;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What happened in a span of time: leads created, attempts created by channel and current status,
 * conversions first reported by current status, and the revenue of those that are sales (summed as
 * the tracker sent it, whatever the currency). Maps hold only non-zero counts.
 *
 * @param leads leads created
 * @param attempts attempts created, by channel, then by status
 * @param conversions conversions first reported, by status
 * @param revenue revenue of the conversions that are sales, without trailing zeros (scale 0 at least)
 */
public record ActivityCounts(long leads, Map<Channel, Map<AttemptStatus, Long>> attempts,
        Map<ConversionStatus, Long> conversions, BigDecimal revenue) {
    /** Nothing happened. */
    public static final ActivityCounts NONE = new ActivityCounts(0, Map.of(), Map.of(), BigDecimal.ZERO);

    /** Validates and copies. */
    public ActivityCounts {
        if (leads < 0) {
            throw new ValidationException("leads", "must not be negative");
        }
        Map<Channel, Map<AttemptStatus, Long>> byChannel = new EnumMap<>(Channel.class);
        Require.present(attempts, "attempts").forEach((channel, byStatus) -> byChannel.put(
                Require.present(channel, "attempts.channel"), frozen(byStatus, AttemptStatus.class)));
        attempts = Collections.unmodifiableMap(byChannel);
        conversions = frozen(Require.present(conversions, "conversions"), ConversionStatus.class);
        BigDecimal stripped = Require.present(revenue, "revenue").stripTrailingZeros();
        revenue = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The sum of this and {@code other}. */
    public ActivityCounts plus(ActivityCounts other) {
        Map<Channel, Map<AttemptStatus, Long>> byChannel = new EnumMap<>(Channel.class);
        attempts.forEach((channel, counts) -> byChannel.put(channel, new EnumMap<>(counts)));
        other.attempts.forEach((channel, counts) -> counts.forEach((status, n) -> byChannel
                .computeIfAbsent(channel, c -> new EnumMap<>(AttemptStatus.class)).merge(status, n, Long::sum)));
        Map<ConversionStatus, Long> byStatus = new EnumMap<>(ConversionStatus.class);
        byStatus.putAll(conversions);
        other.conversions.forEach((status, n) -> byStatus.merge(status, n, Long::sum));
        return new ActivityCounts(leads + other.leads, byChannel, byStatus, revenue.add(other.revenue));
    }

    /** Attempts created on {@code channel}, any status. */
    public long attemptsOn(Channel channel) {
        return attempts.getOrDefault(channel, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Conversions first reported, any status. */
    public long conversionCount() {
        return conversions.values().stream().mapToLong(Long::longValue).sum();
    }

    private static <E extends Enum<E>> Map<E, Long> frozen(Map<E, Long> counts, Class<E> type) {
        Map<E, Long> copy = new EnumMap<>(type);
        Require.present(counts, type.getSimpleName()).forEach((key, n) -> {
            if (Require.present(n, type.getSimpleName()) != 0) {
                copy.put(Require.present(key, type.getSimpleName()), n);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
