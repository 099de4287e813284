package io.retentioncenter.examples;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.MetaIngestReport;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import io.retentioncenter.core.inbound.meta.MetaWebhooks;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import io.retentioncenter.learning.experiment.SequentialExperimentJudge;
import io.retentioncenter.learning.report.LearningReport;
import io.retentioncenter.learning.report.LearningReports;
import io.retentioncenter.learning.report.ReportQuery;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The README's demo: a host program on the in-memory store and a simulated clock. It sets up a
 * campaign with scripts for all three channels and an A/B test, receives 300 Meta lead-ads
 * deliveries (duplicates, leads without phone and broken emails among them), runs the example
 * sequence over ten simulated days with ticks every 15 minutes while simulated leads open, reply,
 * answer, opt out and convert (as provider webhooks and Keitaro postbacks), and prints what happened
 * followed by the Learning report.
 * No network and no credentials unless channel environment variables are set (see {@link DemoChannels}).
 */
public final class Demo {
    static final String APP_SECRET = "demo-app-secret";
    static final String KEITARO_SECRET = "demo-keitaro-secret";

    private Demo() {
    }

    /** Runs the demo on the in-memory store and prints to standard out. */
    public static void main(String[] args) {
        run(new InMemoryRetentionStore(), DemoChannels.fromEnvironment(DemoChannels::systemEnv), System.out, 300, 10);
    }

    /** Runs the demo on {@code store} with {@code leads} Meta leads over {@code days} simulated days. */
    static DemoOutcome run(RetentionStore store, Map<Channel, ChannelProvider> providers, PrintStream out, int leads,
            int days) {
        MutableClock clock = MutableClock.at("2026-01-05T07:00:00Z");
        Instant start = clock.instant();
        var builder = RetentionEngine.builder().store(store).clock(clock).randomSeed(7).defaultRegion("ES")
                .experimentJudge(new SequentialExperimentJudge())
                .metaWebhooks(MetaWebhooks.builder().verifyToken("demo-verify").appSecret(APP_SECRET).build())
                .metaPayloadsCarryLeadFields() // the simulated deliveries carry the fields; real ones need .graphLeads(...)
                .keitaro(KeitaroPostbackParser.builder().sharedSecret(KEITARO_SECRET).build());
        providers.values().forEach(builder::channel);
        RetentionEngine engine = builder.build();
        DemoReport report = new DemoReport(out);
        report.header(providers);

        DemoCampaign setup = DemoCampaign.create(engine);
        report.setup(setup);

        Random random = new Random(7);
        List<MetaIngestReport> intake = new MetaTraffic(random, APP_SECRET).post(engine, leads);
        report.intake(intake);

        Map<Channel, RecordingChannelProvider> recording = new EnumMap<>(Channel.class);
        providers.forEach((ch, p) -> {
            if (p instanceof RecordingChannelProvider r) {
                recording.put(ch, r);
            }
        });
        LeadBehaviour behaviour = new LeadBehaviour(engine, clock, random, KEITARO_SECRET, recording);
        List<TickResult> ticks = new ArrayList<>();
        int steps = days * 24 * 4;
        for (int i = 0; i < steps; i++) {
            behaviour.runDue(clock.instant());
            ticks.add(engine.tick());
            behaviour.observeSends(clock.instant());
            clock.advance(Duration.ofMinutes(15));
        }
        report.simulation(days, ticks, behaviour);
        report.sequence(engine, setup);
        report.channels(providers);
        report.experiment(engine, setup);
        LearningReport learning = LearningReports.builder().store(store).clock(clock).build()
                .report(ReportQuery.between(start, clock.instant()).build());
        out.println(learning.toText());
        return new DemoOutcome(engine, setup, clock, learning);
    }

    /**
     * What a demo run leaves behind, for tests and for the learning report.
     *
     * @param engine the engine
     * @param setup the campaign, sequence and test
     * @param clock the simulated clock at the end
     * @param learning the Learning report over the whole run
     */
    record DemoOutcome(RetentionEngine engine, DemoCampaign setup, MutableClock clock, LearningReport learning) {
    }
}
