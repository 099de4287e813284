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
import io.retentioncenter.core.script.Script;
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
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A campaign with a one-step EMAIL sequence and {@code n} leads enrolled and due, written straight
 * into the store (the benchmark measures the tick, not the setup).
 */
final class BenchmarkWorld {
    /** The campaign's name. */
    static final String CAMPAIGN = "bench";
    /** Lead {@code i}: email {@code bench<i>@example.com}, first name {@code B<i>}, enrollment {@code enr_bench_<i>}. */
    static final String EMAIL_LOCAL = "bench";
    static final String EMAIL_DOMAIN = "@example.com";
    static final String FIRST_NAME = "B";
    static final String ENROLLMENT = "enr_bench_";
    /**
     * US area codes, one per run on a kept store ({@link BenchRun}), so that each run's phones are new
     * to it; the first is every fresh store's.
     */
    static final List<String> AREA_CODES = List.of("415", "212", "312", "617", "718", "646", "305", "404", "512",
            "206", "303", "702", "214", "713", "602", "503", "619", "801", "916", "919", "314", "412", "414", "504",
            "513", "615", "704", "804", "813", "901");
    /** Lead {@code i}'s phone: the prefix, {@code PHONE_AREA + i / PHONE_BLOCK} in 3 digits, {@code i % PHONE_BLOCK} in 4. */
    static final String PHONE_PREFIX = "+1" + AREA_CODES.get(0);
    static final int PHONE_AREA = 200;
    static final int PHONE_BLOCK = 10_000;
    final Campaign campaign;
    final RetentionSequence sequence;
    /** The campaign's script for each channel its steps use. */
    final Map<Channel, Script> scripts;

    private BenchmarkWorld(Campaign campaign, RetentionSequence sequence, Map<Channel, Script> scripts) {
        this.campaign = campaign;
        this.sequence = sequence;
        this.scripts = scripts;
    }

    /** Creates the campaign and a one-step EMAIL sequence through {@code engine}. */
    static BenchmarkWorld create(RetentionEngine engine, boolean autoAssign) {
        return create(engine, autoAssign, 1);
    }

    /**
     * Creates the campaign and a sequence of {@code steps} steps at delay 0, alternating EMAIL and
     * SMS (see {@link #channelOf}), with one script per channel.
     */
    static BenchmarkWorld create(RetentionEngine engine, boolean autoAssign, int steps) {
        Campaign c = engine.campaigns().create(NewCampaign.builder(CAMPAIGN).contactLimit(100)
                .autoAssign(autoAssign ? AutoAssignRule.everything() : AutoAssignRule.manualOnly()).build());
        Script email = engine.scripts().create(NewScript.builder(Channel.EMAIL, "bench",
                "Hi {{firstName|there}}, one offer.").subject("Offer").campaign(c.id()).build());
        Script sms = engine.scripts().create(NewScript.builder(Channel.SMS, "bench sms",
                "Hi {{firstName}}, your bonus expires soon.").campaign(c.id()).build());
        NewSequence.Builder b = NewSequence.builder("bench").campaign(c.id());
        for (int order = 1; order <= steps; order++) {
            b.step(channelOf(order), 0, DelayUnit.MINUTES);
        }
        RetentionSequence s = engine.sequences().create(b.build());
        return new BenchmarkWorld(c, engine.sequences().activate(s.id()), Map.of(Channel.EMAIL, email, Channel.SMS, sms));
    }

    /** The channel of step {@code order} (from 1): EMAIL, SMS, EMAIL, ... */
    static Channel channelOf(int order) {
        return order % 2 == 1 ? Channel.EMAIL : Channel.SMS;
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
        Lead lead = normalizer.toLead(NewLead.builder(LeadSource.API).email(EMAIL_LOCAL + i + EMAIL_DOMAIN)
                .phone(phone(i)).firstName(FIRST_NAME + i).build(), now);
        store.insertLeadIfAbsent(lead);
        store.enroll(SequenceEnrollment.start(ENROLLMENT + i, sequence.id(), lead.id(), campaign.id(), now, now),
                sequence.reenrollCooldown());
    }

    /** A valid, distinct US phone number for index {@code i} (below eight million). */
    static String phone(int i) {
        return phone(0, i);
    }

    /**
     * A valid US phone number for index {@code i} (below eight million) in area code {@code area} of
     * {@link #AREA_CODES}: distinct for each pair.
     */
    static String phone(int area, int i) {
        return String.format("+1" + AREA_CODES.get(area) + "%03d%04d", PHONE_AREA + i / PHONE_BLOCK,
                i % PHONE_BLOCK);
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
