package io.retentioncenter.examples;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.inbound.MetaIngestReport;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.SequenceStats;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/** Prints the demo's summary in plain text. */
final class DemoReport {
    private final PrintStream out;

    DemoReport(PrintStream out) {
        this.out = out;
    }

    void header(Map<Channel, ChannelProvider> providers) {
        out.println("Retention Center demo - in-memory store, simulated clock");
        out.println("Providers: " + providers.values().stream().map(p -> p.channel() + "=" + p.name())
                .collect(Collectors.joining(", ")) + (providers.values().stream()
                        .allMatch(p -> p instanceof RecordingChannelProvider) ? "  (recording only: nothing leaves this machine)" : ""));
        out.println();
    }

    void setup(DemoCampaign s) {
        out.printf("Campaign \"%s\": %s %s-%s, SMS %d/h, CALL %d/h, %d touches per lead%n", s.campaign().name(),
                s.campaign().schedule().zone(), s.campaign().schedule().start(), s.campaign().schedule().end(),
                s.campaign().rateLimit(Channel.SMS).orElseThrow().max(),
                s.campaign().rateLimit(Channel.CALL).orElseThrow().max(), s.campaign().contactLimit());
        out.printf("Sequence \"%s\": %s%n", s.sequence().name(), s.sequence().steps().stream()
                .map(st -> st.channel() + "@" + st.delayValue() + st.delayUnit().name().substring(0, 1).toLowerCase())
                .collect(Collectors.joining(" -> ")));
        out.printf("A/B test on EMAIL: variants %s%n%n", s.emailTest().variants().stream()
                .map(v -> v.name()).collect(Collectors.joining(" vs ")));
    }

    void intake(List<MetaIngestReport> reports) {
        List<MetaIngestReport.Item> items = reports.stream().flatMap(r -> r.items().stream()).toList();
        out.printf("Intake: %d Meta deliveries, %d lead changes%n", reports.size(), items.size());
        for (MetaIngestReport.Outcome o : MetaIngestReport.Outcome.values()) {
            out.printf("  %-10s %4d%n", o.name().toLowerCase(), items.stream().filter(i -> i.outcome() == o).count());
        }
        Map<String, Long> reasons = items.stream().filter(i -> i.outcome() == MetaIngestReport.Outcome.REJECTED)
                .collect(Collectors.groupingBy(i -> i.error().orElse("?"), TreeMap::new, Collectors.counting()));
        reasons.forEach((reason, n) -> out.printf("    rejected x%d: %s%n", n, reason));
        out.println();
    }

    void simulation(int days, List<TickResult> ticks, LeadBehaviour behaviour) {
        out.printf("Simulated %d days, %d ticks:%n", days, ticks.size());
        out.printf("  steps executed %d, skipped %d, postponements %d; enrollments exited %d, completed %d%n",
                sum(ticks, TickResult::executed), sum(ticks, TickResult::skipped), sum(ticks, TickResult::deferred),
                sum(ticks, TickResult::exited), sum(ticks, TickResult::completed));
        out.printf("  sends accepted %d, retried %d, failed %d, unknown %d%n", sum(ticks, TickResult::sent),
                sum(ticks, TickResult::retried), sum(ticks, TickResult::failed), sum(ticks, TickResult::unknown));
        out.printf("  provider webhooks applied %d; Keitaro postbacks %s%n%n", behaviour.events(),
                behaviour.postbacks().entrySet().stream().map(e -> e.getKey().name().toLowerCase() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
    }

    private static int sum(List<TickResult> ticks, ToIntFunction<TickResult> f) {
        return ticks.stream().mapToInt(f).sum();
    }

    void sequence(RetentionEngine engine, DemoCampaign s) {
        SequenceStats stats = engine.sequences().stats(s.sequence().id());
        Map<Integer, Long> waiting = waitingPerStep(engine, s);
        out.println("Per step            executed  skipped  deferred  failed  waiting");
        for (SequenceStep step : s.sequence().steps()) {
            out.printf("  %d %-5s +%-3d%-7s %8d %8d %9d %7d %8d%n", step.order(), step.channel(), step.delayValue(),
                    step.delayUnit().name().toLowerCase(), stats.executions(step.order(), ExecutionStatus.EXECUTED),
                    stats.executions(step.order(), ExecutionStatus.SKIPPED),
                    stats.executions(step.order(), ExecutionStatus.DEFERRED),
                    stats.executions(step.order(), ExecutionStatus.FAILED), waiting.getOrDefault(step.order(), 0L));
        }
        out.println("  (deferred = steps postponed at least once: outside 09-21 Madrid time or over the hourly limit;"
                + " waiting = active enrollments whose next step this is)");
        out.print("Enrollments:");
        for (EnrollmentStatus st : EnrollmentStatus.values()) {
            out.printf(" %s %d", st.name().toLowerCase(), stats.enrollments(st));
        }
        out.println();
        out.println();
    }

    private static Map<Integer, Long> waitingPerStep(RetentionEngine engine, DemoCampaign s) {
        return engine.sequences().enrollments(EnrollmentQuery.ofSequence(s.sequence().id())
                .withStatus(EnrollmentStatus.ACTIVE), new PageRequest(0, 1000)).items().stream()
                .collect(Collectors.groupingBy(SequenceEnrollment::currentStep, Collectors.counting()));
    }

    void channels(Map<Channel, ChannelProvider> providers) {
        out.print("Attempts handed to providers:");
        providers.forEach((ch, p) -> out.printf(" %s %s", ch, p instanceof RecordingChannelProvider r
                ? String.valueOf(r.count()) : "(live)"));
        out.println();
        out.println();
    }

    void experiment(RetentionEngine engine, DemoCampaign s) {
        AbTest test = engine.experiments().get(s.emailTest().id());
        Map<String, ArmCounts> arms = engine.experiments().counts(test.id());
        out.printf("A/B test %s: %s%s%n", test.channel(), test.status(),
                test.winner().map(w -> ", winner " + w).orElse(""));
        arms.forEach((name, c) -> out.printf("  variant %s: %d leads, %d converted (%.1f%%)%n", name, c.exposed(),
                c.converted(), c.exposed() == 0 ? 0 : 100.0 * c.converted() / c.exposed()));
        out.println("  " + engine.experiments().evaluate(test.id()).explanation());
        out.println();
    }
}
