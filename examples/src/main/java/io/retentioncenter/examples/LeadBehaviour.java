package io.retentioncenter.examples;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.KeitaroResult;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Simulated leads reacting to what the recording providers sent: emails get opened, SMS get
 * delivery reports and the odd STOP, calls are answered or not and sometimes end in "call me back
 * tomorrow evening"; some touches convert, reported as Keitaro postbacks with the attempt id as
 * {@code sub_id}. Everything reaches the engine through its inbound API, as webhooks would.
 */
final class LeadBehaviour {
    private final RetentionEngine engine;
    private final Clock clock;
    private final Random random;
    private static final java.util.regex.Pattern TRACKED_SUB_ID = java.util.regex.Pattern.compile("sub_id=(att_\\w+)");
    private final String keitaroSecret;
    private final Map<Channel, RecordingChannelProvider> providers;
    private final Map<Channel, Integer> seen = new EnumMap<>(Channel.class);
    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private final Map<KeitaroResult.Outcome, Integer> postbacks = new EnumMap<>(KeitaroResult.Outcome.class);
    private int sequenceNo;
    private int scheduled;
    private int events;

    private record Pending(Instant at, int order, Runnable action) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Integer.compare(order, o.order);
        }
    }

    LeadBehaviour(RetentionEngine engine, Clock clock, Random random, String keitaroSecret,
            Map<Channel, RecordingChannelProvider> providers) {
        this.engine = engine;
        this.clock = clock;
        this.random = random;
        this.keitaroSecret = keitaroSecret;
        this.providers = providers;
    }

    /** Looks at messages sent since the last call and schedules the leads' reactions. */
    void observeSends(Instant now) {
        providers.forEach((channel, provider) -> {
            List<OutboundMessage> sent = provider.sent();
            for (int i = seen.getOrDefault(channel, 0); i < sent.size(); i++) {
                react(sent.get(i), now);
            }
            seen.put(channel, sent.size());
        });
    }

    /** Runs every reaction due at or before {@code now}. */
    void runDue(Instant now) {
        while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
            queue.poll().action().run();
        }
    }

    /** Postback outcomes so far. */
    Map<KeitaroResult.Outcome, Integer> postbacks() {
        return postbacks;
    }

    /** Provider events delivered so far. */
    int events() {
        return events;
    }

    private void react(OutboundMessage m, Instant now) {
        switch (m.channel()) {
            case EMAIL -> {
                if (random.nextDouble() < 0.35) {
                    later(now, minutes(10, 360), () -> event(m, ProviderEventType.OPENED, Optional.empty()));
                }
                maybeConvert(m, now, "B".equals(m.variant().orElse("")) ? 0.06 : 0.03);
            }
            case SMS -> {
                ProviderEventType dlr = random.nextDouble() < 0.95 ? ProviderEventType.SUCCEEDED : ProviderEventType.FAILED;
                later(now, Duration.ofMinutes(1), () -> event(m, dlr, Optional.empty()));
                if (random.nextDouble() < 0.015) {
                    later(now, minutes(5, 120), () -> event(m, ProviderEventType.OPTED_OUT, Optional.empty()));
                }
                maybeConvert(m, now, 0.04);
            }
            case CALL -> {
                if (random.nextDouble() < 0.55) {
                    later(now, Duration.ofMinutes(1), () -> event(m, ProviderEventType.ANSWERED, Optional.empty()));
                    later(now, Duration.ofMinutes(4), () -> event(m, ProviderEventType.SUCCEEDED, Optional.empty()));
                    if (random.nextDouble() < 0.10) {
                        Instant tomorrowEvening = now.atZone(ZoneId.of("Europe/Madrid")).plusDays(1)
                                .with(LocalTime.of(18, 0)).toInstant();
                        later(now, Duration.ofMinutes(4), () -> event(m, ProviderEventType.CALLBACK_REQUESTED,
                                Optional.of(tomorrowEvening)));
                    }
                    maybeConvert(m, now, 0.10);
                } else {
                    later(now, Duration.ofMinutes(1), () -> event(m, ProviderEventType.FAILED, Optional.empty()));
                }
            }
        }
    }

    private void maybeConvert(OutboundMessage m, Instant now, double p) {
        if (random.nextDouble() >= p) {
            return;
        }
        String tid = "sim-" + (++sequenceNo);
        String subId = TRACKED_SUB_ID.matcher(m.body()).results().map(r -> r.group(1)).findFirst()
                .orElse(m.attemptId()); // SMS and calls: the id in the tracked link the lead clicked
        Duration delay = minutes(30, 36 * 60);
        if (random.nextBoolean()) {
            later(now, delay.dividedBy(2), () -> postback("sub_id=" + subId + "&status=lead&payout=0&tid=" + tid
                    + "-lead"));
        }
        later(now, delay, () -> postback("sub_id=" + subId + "&status=sale&payout=45.00&currency=eur&tid=" + tid));
    }

    private void postback(String query) {
        KeitaroResult r = engine.inbound().keitaroQuery(query, Optional.of(keitaroSecret));
        postbacks.merge(r.outcome(), 1, Integer::sum);
    }

    private void event(OutboundMessage m, ProviderEventType type, Optional<Instant> callbackAt) {
        ProviderEvent.Builder b = ProviderEvent.builder("sim:" + m.attemptId() + ":" + type, m.channel(),
                providers.get(m.channel()).name(), type, clock.instant()).attemptId(m.attemptId())
                .recipient(m.recipient()).detail(type == ProviderEventType.FAILED && m.channel() == Channel.CALL
                        ? "customer-did-not-answer" : type.name().toLowerCase());
        callbackAt.ifPresent(b::callbackAt);
        engine.inbound().providerEvents(List.of(b.build()));
        events++;
    }

    private void later(Instant now, Duration after, Runnable action) {
        queue.add(new Pending(now.plus(after), scheduled++, action));
    }

    private Duration minutes(int min, int max) {
        return Duration.ofMinutes(min + random.nextInt(max - min + 1));
    }
}
