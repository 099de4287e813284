package io.retentioncenter.examples.bench;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.LeadNormalizer;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A campaign with a one-step EMAIL sequence and {@code n} leads enrolled and due, written straight
 * into the store (the benchmark measures the tick, not the setup).
 */
final class BenchmarkWorld {
    final Campaign campaign;
    final RetentionSequence sequence;

    private BenchmarkWorld(Campaign campaign, RetentionSequence sequence) {
        this.campaign = campaign;
        this.sequence = sequence;
    }

    /** Creates the campaign and a one-step EMAIL sequence through {@code engine}. */
    static BenchmarkWorld create(RetentionEngine engine, boolean autoAssign) {
        return create(engine, autoAssign, 1);
    }

    /**
     * Creates the campaign and a sequence of {@code steps} steps at delay 0, alternating EMAIL and
     * SMS, with two scripts per channel so that phrase statistics have something to compare.
     */
    static BenchmarkWorld create(RetentionEngine engine, boolean autoAssign, int steps) {
        Campaign c = engine.campaigns().create(NewCampaign.builder("bench").contactLimit(100)
                .autoAssign(autoAssign ? AutoAssignRule.everything() : AutoAssignRule.manualOnly()).build());
        engine.scripts().create(NewScript.builder(Channel.EMAIL, "bench", "Hi {{firstName|there}}, one offer.")
                .subject("Offer").campaign(c.id()).build());
        engine.scripts().create(NewScript.builder(Channel.SMS, "bench sms", "Hi {{firstName}}, your bonus expires soon.")
                .campaign(c.id()).build());
        NewSequence.Builder b = NewSequence.builder("bench").campaign(c.id());
        for (int i = 0; i < steps; i++) {
            b.step(i % 2 == 0 ? Channel.EMAIL : Channel.SMS, 0, DelayUnit.MINUTES);
        }
        RetentionSequence s = engine.sequences().create(b.build());
        return new BenchmarkWorld(c, engine.sequences().activate(s.id()));
    }

    /**
     * Inserts {@code n} leads and enrolls each, all due now, spread over the given stores (one thread
     * per store, as several hosts would load them).
     */
    void enrollDue(List<RetentionStore> stores, int n, Clock clock) {
        Instant now = clock.instant();
        ExecutorService pool = Executors.newFixedThreadPool(stores.size());
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < stores.size(); t++) {
                RetentionStore store = stores.get(t);
                int first = t;
                parts.add(pool.submit(() -> {
                    LeadNormalizer normalizer = new LeadNormalizer("US");
                    for (int i = first; i < n; i += stores.size()) {
                        enrollOne(store, normalizer, i, now);
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void enrollOne(RetentionStore store, LeadNormalizer normalizer, int i, Instant now) {
        Lead lead = normalizer.toLead(NewLead.builder(LeadSource.API).email("bench" + i + "@example.com")
                .phone(phone(i)).firstName("B" + i).build(), now);
        store.insertLeadIfAbsent(lead);
        store.enroll(SequenceEnrollment.start("enr_bench_" + i, sequence.id(), lead.id(), campaign.id(), now, now),
                sequence.reenrollCooldown());
    }

    /** A valid, distinct US phone number for index {@code i} (up to ten million). */
    static String phone(int i) {
        return String.format("+1415%03d%04d", 200 + i / 10_000, i % 10_000);
    }

    /** A provider that only counts. */
    static RecordingChannelProvider noop() {
        return noop(Channel.EMAIL);
    }

    /** A provider for {@code channel} that only counts. */
    static RecordingChannelProvider noop(Channel channel) {
        return RecordingChannelProvider.counting(channel);
    }
}
