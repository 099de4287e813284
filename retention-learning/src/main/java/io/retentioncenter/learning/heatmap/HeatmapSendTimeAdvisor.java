package io.retentioncenter.learning.heatmap;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.spi.SendTimeAdvisor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Random;

/**
 * Feeds the best send slots of a {@link Heatmap} back to the scheduler. Given the earliest instant a
 * contact is allowed, it looks at the start of every later local hour within the look-ahead
 * (default 24 h), keeps those the campaign schedule allows ({@link Schedule#allows}, in the lead's
 * time zone, else the schedule's), and suggests the one whose shrunk rate is highest, provided it
 * beats the shrunk rate of the earliest instant's own slot by the relative margin (default 10 %);
 * ties go to the earlier slot. It suggests nothing (send at {@code earliest}, i.e. follow the
 * campaign schedule) when the heatmap holds fewer sends than the minimum (default 1000), and, to
 * keep learning about other slots, on a random share of calls (the exploration share, default 10 %).
 *
 * <p>Thread-safe: the heatmap is swapped atomically by {@link #refresh}, and {@link Random} is safe
 * for concurrent use.
 */
public final class HeatmapSendTimeAdvisor implements SendTimeAdvisor {
    /** Default look-ahead. */
    public static final Duration DEFAULT_LOOK_AHEAD = Duration.ofHours(24);
    /** Default relative margin a later slot must win by. */
    public static final double DEFAULT_MARGIN = 0.10;
    /** Default minimum number of sends in the heatmap before any advice is given. */
    public static final long DEFAULT_MIN_SENDS = 1000;
    /** Default share of calls that explore (send at once). */
    public static final double DEFAULT_EXPLORATION_SHARE = 0.10;

    private final Duration lookAhead;
    private final double margin;
    private final long minSends;
    private final double explorationShare;
    private final Random random;
    private volatile Heatmap heatmap;

    private HeatmapSendTimeAdvisor(Builder builder) {
        this.heatmap = builder.heatmap;
        this.lookAhead = builder.lookAhead;
        this.margin = builder.margin;
        this.minSends = builder.minSends;
        this.explorationShare = builder.explorationShare;
        this.random = builder.random;
    }

    /** A builder starting from the defaults, advising from {@code heatmap}. */
    public static Builder builder(Heatmap heatmap) {
        return new Builder(heatmap);
    }

    /** Replaces the heatmap advice is taken from, e.g. with one from a newly computed report. */
    public void refresh(Heatmap next) {
        this.heatmap = Require.present(next, "heatmap");
    }

    /** The heatmap advice is currently taken from. */
    public Heatmap heatmap() {
        return heatmap;
    }

    /**
     * A later allowed instant within the look-ahead whose slot converts better than
     * {@code earliest}'s by the margin; empty to send at {@code earliest}. See the class description.
     */
    @Override
    public Optional<Instant> suggest(Lead lead, Campaign campaign, Channel channel, Instant earliest) {
        Require.present(lead, "lead");
        Require.present(campaign, "campaign");
        Require.present(channel, "channel");
        Require.present(earliest, "earliest");
        Heatmap current = heatmap;
        if (current.sends() < minSends || random.nextDouble() < explorationShare) {
            return Optional.empty();
        }
        Schedule schedule = campaign.schedule();
        ZoneId zone = lead.timezone().orElse(schedule.zone());
        Instant limit = earliest.plus(lookAhead);
        double bar = current.cellAt(earliest, zone).shrunkRate() * (1.0 + margin);
        Optional<Instant> best = Optional.empty();
        double bestRate = bar;
        ZonedDateTime hourStart = earliest.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        while (!hourStart.toInstant().isAfter(limit)) {
            Optional<Instant> slot = allowedInHour(schedule, zone, hourStart.toInstant(), limit);
            if (slot.isPresent()) {
                double rate = current.cellAt(slot.get(), zone).shrunkRate();
                if (rate > bestRate) {
                    best = slot;
                    bestRate = rate;
                }
            }
            hourStart = hourStart.plusHours(1);
        }
        return best;
    }

    /** The first instant of the hour starting at {@code start} that the schedule allows, not after {@code limit}. */
    private static Optional<Instant> allowedInHour(Schedule schedule, ZoneId zone, Instant start, Instant limit) {
        Instant allowed = schedule.nextAllowed(start, zone);
        boolean sameHour = allowed.isBefore(start.plus(Duration.ofHours(1)));
        return sameHour && !allowed.isAfter(limit) ? Optional.of(allowed) : Optional.empty();
    }

    /** Configures a {@link HeatmapSendTimeAdvisor}. */
    public static final class Builder {
        private final Heatmap heatmap;
        private Duration lookAhead = DEFAULT_LOOK_AHEAD;
        private double margin = DEFAULT_MARGIN;
        private long minSends = DEFAULT_MIN_SENDS;
        private double explorationShare = DEFAULT_EXPLORATION_SHARE;
        private Random random = new Random();

        private Builder(Heatmap heatmap) {
            this.heatmap = heatmap;
        }

        /** How far past the earliest instant a send may be moved (default 24 h). */
        public Builder lookAhead(Duration lookAhead) {
            this.lookAhead = lookAhead;
            return this;
        }

        /** Relative margin a later slot's shrunk rate must beat the current one's by (default 0.10 = 10 %). */
        public Builder margin(double margin) {
            this.margin = margin;
            return this;
        }

        /** Fewest sends in the heatmap before any advice is given (default 1000). */
        public Builder minSends(long minSends) {
            this.minSends = minSends;
            return this;
        }

        /** Share of calls, in [0, 1], that send at once to keep exploring other slots (default 0.10). */
        public Builder explorationShare(double explorationShare) {
            this.explorationShare = explorationShare;
            return this;
        }

        /** Seeds the exploration draw, for reproducible runs. */
        public Builder seed(long seed) {
            this.random = new Random(seed);
            return this;
        }

        /**
         * Builds the advisor.
         *
         * @throws ConfigurationException when a setting is missing or out of range
         */
        public HeatmapSendTimeAdvisor build() {
            if (heatmap == null) {
                throw new ConfigurationException("heatmap is required");
            }
            if (lookAhead == null || lookAhead.isNegative() || lookAhead.isZero()) {
                throw new ConfigurationException("lookAhead must be a positive duration, was " + lookAhead);
            }
            if (!(margin >= 0.0 && Double.isFinite(margin))) {
                throw new ConfigurationException("margin must be a finite number >= 0, was " + margin);
            }
            if (minSends < 0) {
                throw new ConfigurationException("minSends must not be negative, was " + minSends);
            }
            if (!(explorationShare >= 0.0 && explorationShare <= 1.0)) {
                throw new ConfigurationException("explorationShare must be in [0, 1], was " + explorationShare);
            }
            return new HeatmapSendTimeAdvisor(this);
        }
    }
}
