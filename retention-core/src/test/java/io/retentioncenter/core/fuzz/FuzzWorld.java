package io.retentioncenter.core.fuzz;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.RetentionEngineBuilder;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendResult;
import io.retentioncenter.core.testing.MutableClock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * An engine on a {@link StoreWatch}ed in-memory store with one lead ({@value #EMAIL}, {@value #PHONE})
 * that has been sent an email, an SMS and a call by providers with the names the channel modules'
 * parsers put on their events, so that fuzzed provider events reach real attempts. Build a fresh one
 * every few hundred inputs: opt-outs and final statuses make later events no-ops.
 */
public final class FuzzWorld {
    /** The lead's email. */
    public static final String EMAIL = "ana@example.com";
    /** The lead's phone. */
    public static final String PHONE = "+14155550123";
    /** Monday 2026-01-05 10:00 UTC. */
    public static final String START = "2026-01-05T10:00:00Z";

    /** The engine's clock. */
    public final MutableClock clock = MutableClock.at(START);
    /** The watched store. */
    public final StoreWatch watch = StoreWatch.of(new InMemoryRetentionStore());
    /** The engine. */
    public final RetentionEngine engine;
    /** The seeded lead. */
    public final String leadId;
    private final Map<Channel, ContactAttempt> attempts = new EnumMap<>(Channel.class);

    private FuzzWorld(Map<Channel, String> providerNames, UnaryOperator<RetentionEngineBuilder> custom) {
        RetentionEngineBuilder builder = RetentionEngine.builder().store(watch.store()).clock(clock).randomSeed(42)
                .retryBackoff(Duration.ofMinutes(1)).dispatchTimeout(Duration.ofSeconds(5));
        for (Channel channel : Channel.values()) {
            builder.channel(new NamedProvider(channel, providerNames.getOrDefault(channel,
                    "fuzz-" + channel.name().toLowerCase(java.util.Locale.ROOT))));
        }
        engine = custom.apply(builder).build();
        engine.scripts().create(NewScript.builder(Channel.EMAIL, "email", "Hi {{firstName|there}}").subject("Hi").build());
        engine.scripts().create(NewScript.builder(Channel.SMS, "sms", "Hi {{firstName|there}}, reply STOP to opt out").build());
        engine.scripts().create(NewScript.builder(Channel.CALL, "call", "Call {{firstName|the lead}}").build());
        Campaign campaign = engine.campaigns().create(NewCampaign.builder("fuzz").build());
        RetentionSequence sequence = engine.sequences().create(NewSequence.builder("fuzz").campaign(campaign.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.SMS, 1, DelayUnit.MINUTES)
                .step(Channel.CALL, 1, DelayUnit.MINUTES).step(Channel.EMAIL, 30, DelayUnit.DAYS).build());
        engine.sequences().activate(sequence.id());
        leadId = engine.leads().ingest(NewLead.builder(LeadSource.API).firstName("Ana").email(EMAIL).phone(PHONE)
                .externalId("ext-1").build()).lead().id();
        for (int i = 0; i < 10 && attempts.size() < Channel.values().length; i++) {
            engine.tick();
            clock.advance(Duration.ofMinutes(2));
            watch.store().attemptsOfLead(leadId).stream().filter(a -> a.providerRef().isPresent())
                    .forEach(a -> attempts.putIfAbsent(a.channel(), a));
        }
        if (attempts.size() < Channel.values().length) {
            throw new IllegalStateException("the fuzz world did not dispatch on every channel: " + attempts.keySet());
        }
    }

    /** A world whose providers are named as in {@code providerNames} (others {@code fuzz-<channel>}). */
    public static FuzzWorld create(Map<Channel, String> providerNames, UnaryOperator<RetentionEngineBuilder> custom) {
        return new FuzzWorld(providerNames, custom);
    }

    /** A world whose provider for {@code channel} is named {@code providerName}. */
    public static FuzzWorld create(Channel channel, String providerName) {
        return create(Map.of(channel, providerName), UnaryOperator.identity());
    }

    /** The dispatched attempt on {@code channel}. */
    public ContactAttempt attempt(Channel channel) {
        return attempts.get(channel);
    }

    /** Its provider reference. */
    public String providerRef(Channel channel) {
        return attempt(channel).providerRef().orElseThrow();
    }

    /** Accepts every send with the reference {@code <name>-<attempt id>}. */
    private record NamedProvider(Channel channel, String name) implements ChannelProvider {
        @Override
        public CompletionStage<SendResult> send(OutboundMessage message) {
            return CompletableFuture.completedFuture(SendResult.accepted(name + "-" + message.attemptId()));
        }
    }
}
