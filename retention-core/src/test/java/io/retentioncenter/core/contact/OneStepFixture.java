package io.retentioncenter.core.contact;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.RetentionEngineBuilder;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An in-memory engine with one EMAIL provider of the test's choosing and one campaign whose active
 * sequence has a single EMAIL step due at once. Retry backoff 1 minute, dispatch timeout 5 seconds.
 */
final class OneStepFixture {
    final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    final RetentionEngine engine;
    final Campaign campaign;
    final RetentionSequence sequence;

    private OneStepFixture(RetentionStore store, ChannelProvider email, UnaryOperator<RetentionEngineBuilder> custom) {
        this.engine = custom.apply(RetentionEngine.builder().store(store).clock(clock).randomSeed(42)
                .retryBackoff(Duration.ofMinutes(1)).dispatchTimeout(Duration.ofSeconds(5)).channel(email)).build();
        engine.scripts().create(NewScript.builder(Channel.EMAIL, "welcome", "Hi {{firstName|there}}")
                .subject("Hello").build());
        this.campaign = engine.campaigns().create(NewCampaign.builder("one step")
                .autoAssign(AutoAssignRule.everything()).contactLimit(6).build());
        RetentionSequence s = engine.sequences().create(NewSequence.builder("welcome").campaign(campaign.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).build());
        this.sequence = engine.sequences().activate(s.id());
    }

    static OneStepFixture with(ChannelProvider email) {
        return new OneStepFixture(new InMemoryRetentionStore(), email, UnaryOperator.identity());
    }

    static OneStepFixture with(ChannelProvider email, UnaryOperator<RetentionEngineBuilder> custom) {
        return new OneStepFixture(new InMemoryRetentionStore(), email, custom);
    }

    static OneStepFixture on(RetentionStore store, ChannelProvider email, UnaryOperator<RetentionEngineBuilder> custom) {
        return new OneStepFixture(store, email, custom);
    }

    String ingest(String email) {
        return engine.leads().ingest(NewLead.builder(LeadSource.API).email(email).firstName("Ana").build())
                .lead().id();
    }

    ContactAttempt onlyAttemptOf(String leadId) {
        List<ContactAttempt> attempts = engine.store().attemptsOfLead(leadId);
        if (attempts.size() != 1) {
            throw new AssertionError("expected one attempt, found " + attempts);
        }
        return attempts.get(0);
    }
}
