package io.retentioncenter.learning.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionCommand;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives a real engine over ten simulated days (six leads a day, a tick every hour, a three-step
 * sequence, an email A/B test) with sales recorded through the store, then checks that the report
 * agrees with the store and the providers.
 */
class EndToEndReportTest {
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(3);
    private static final InMemoryRetentionStore STORE = new InMemoryRetentionStore();
    private static final MutableClock CLOCK = MutableClock.at(START);
    private static final RecordingChannelProvider EMAIL = RecordingChannelProvider.of(Channel.EMAIL);
    private static final RecordingChannelProvider SMS = RecordingChannelProvider.of(Channel.SMS);
    private static LearningReport report;
    private static RetentionSequence sequence;
    private static Campaign campaign;

    @BeforeAll
    static void simulate() {
        RetentionEngine engine = RetentionEngine.builder().store(STORE).clock(CLOCK).randomSeed(42)
                .retryBackoff(Duration.ofMinutes(1)).dispatchTimeout(Duration.ofSeconds(5))
                .channel(EMAIL).channel(SMS).build();
        campaign = engine.campaigns().create(NewCampaign.builder("Spring offer")
                .autoAssign(AutoAssignRule.everything()).contactLimit(6).build());
        Script trial = engine.scripts().create(NewScript.builder(Channel.EMAIL, "trial",
                "Hi {{firstName|there}}, your free trial is waiting. Claim it today!").subject("Free trial")
                .campaign(campaign.id()).build());
        Script news = engine.scripts().create(NewScript.builder(Channel.EMAIL, "news",
                "Hi {{firstName|there}}, read our monthly newsletter.").subject("News").campaign(campaign.id()).build());
        engine.scripts().create(NewScript.builder(Channel.SMS, "sms", "{{firstName|Hi}}, reply YES for the offer")
                .campaign(campaign.id()).build());
        sequence = engine.sequences().create(NewSequence.builder("Spring nurture").campaign(campaign.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES)
                .step(Channel.SMS, 12, DelayUnit.HOURS)
                .step(Channel.EMAIL, 2, DelayUnit.DAYS)
                .build());
        engine.sequences().activate(sequence.id());
        engine.experiments().start(campaign.id(), Channel.EMAIL,
                List.of(new Variant("A", trial.id(), 1), new Variant("B", news.id(), 1)));
        Random random = new Random(42);
        int leads = 0;
        for (int hour = 0; hour < 240; hour++) {
            if (hour % 4 == 0 && hour < 96) {
                String name = "lead" + leads++;
                NewLead.Builder lead = NewLead.builder(LeadSource.META).firstName("Ana").email(name + "@example.com")
                        .phone(String.format("+141555501%02d", leads));
                if (leads % 3 == 0) {
                    lead.timezone(ZoneId.of("America/New_York"));
                }
                engine.leads().ingest(lead.build());
            }
            engine.tick();
            if (hour % 6 == 5) {
                sellSome(random);
            }
            CLOCK.advance(Duration.ofHours(1));
        }
        report = LearningReports.builder().store(STORE).clock(CLOCK).build()
                .report(ReportQuery.between(START, CLOCK.instant()).minSupport(5).attributionWindow(WINDOW)
                        .build());
    }

    /** Some contacted, not yet converted leads buy, credited to their latest attempt. */
    private static void sellSome(Random random) {
        for (Lead lead : STORE.listLeads(PageRequest.first(1000)).items()) {
            List<ContactAttempt> attempts = STORE.attemptsOfLead(lead.id());
            boolean converted = !STORE.conversionsOfLead(lead.id()).isEmpty();
            if (attempts.isEmpty() || converted || random.nextDouble() > 0.03) {
                continue;
            }
            ContactAttempt credited = attempts.get(attempts.size() - 1);
            Conversion candidate = new Conversion("conv-" + lead.id(), lead.id(), credited.campaignId(),
                    Optional.of(credited.channel()), Optional.of(credited.id()), credited.enrollmentId(),
                    credited.stepOrder(), credited.abTestId(), credited.variant(), ConversionStatus.SALE,
                    BigDecimal.valueOf(25), Optional.of("USD"), Optional.empty(), CLOCK.instant(), CLOCK.instant(),
                    Map.of());
            STORE.recordConversion(new ConversionCommand("sale-" + lead.id(), PostbackKind.SALE, candidate,
                    BigDecimal.valueOf(25), CLOCK.instant()));
        }
    }

    private static List<Conversion> storeSales() {
        List<Conversion> sales = new ArrayList<>();
        for (Lead lead : STORE.listLeads(PageRequest.first(1000)).items()) {
            STORE.conversionsOfLead(lead.id()).stream().filter(c -> c.status() == ConversionStatus.SALE)
                    .forEach(sales::add);
        }
        return sales;
    }

    @Test
    void overviewAgreesWithTheStoresSales() {
        List<Conversion> sales = storeSales();

        assertThat(sales).isNotEmpty();
        assertThat(report.overview().conversions()).isEqualTo(sales.size());
        assertThat(report.overview().revenue()).isEqualByComparingTo(BigDecimal.valueOf(25L * sales.size()));
        assertThat(report.overview().leads()).isEqualTo(24);
        long attributable = sales.stream().filter(sale -> STORE.attemptsOfLead(sale.leadId()).stream()
                .anyMatch(a -> a.sentAt().isPresent() && !a.sentAt().get().isAfter(sale.occurredAt())
                        && !a.sentAt().get().isBefore(sale.occurredAt().minus(WINDOW)))).count();
        assertThat(attributable).isPositive();
        assertThat(report.overview().convertedLeads()).as("sales with a send in the 3 days before them")
                .isEqualTo(attributable);
        assertThat(report.funnel().revenue()).as("revenue of the attributed sales")
                .isEqualByComparingTo(BigDecimal.valueOf(25L * attributable));
    }

    @Test
    void sentAttemptsAgreeWithTheProvidersAndEverySectionCountsTheSameAttempts() {
        long sent = report.channels().stream().mapToLong(ChannelStat::sentAttempts).sum();
        long counted = report.channels().stream().mapToLong(c -> c.attempts().trials()).sum();
        long credited = report.channels().stream().mapToLong(c -> c.attempts().successes()).sum();

        assertThat(sent).isEqualTo(EMAIL.count() + SMS.count());
        assertThat(report.overview().sentAttempts()).isEqualTo(sent);
        assertThat(counted).as("only attempts whose 3-day window has closed").isLessThanOrEqualTo(sent).isPositive();
        assertThat(report.heatmap().sends()).isEqualTo(counted);
        assertThat(report.heatmap().conversions()).isEqualTo(credited);
        assertThat(report.channels()).extracting(ChannelStat::channel).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(report.channels().get(0).sentAttempts()).isEqualTo(EMAIL.count());
        assertThat(report.words()).extracting(ChannelPhrases::channel).containsExactly(Channel.EMAIL, Channel.SMS);
        ChannelPhrases email = report.words().get(0);
        assertThat(email.phrases().messages().trials()).as("every email belongs to the A/B test").isZero();
        assertThat(email.abTestMessages()).isEqualTo(report.channels().get(0).attempts().trials());
        assertThat(report.words().get(1).phrases().messages()).isEqualTo(report.channels().get(1).attempts());
    }

    @Test
    void funnelIsNestedAndSequenceSectionsAreConsistent() {
        LeadFunnel funnel = report.funnel();
        for (int i = 1; i < funnel.stages().size(); i++) {
            assertThat(funnel.stages().get(i).leads()).isLessThanOrEqualTo(funnel.stages().get(i - 1).leads());
        }
        assertThat(report.sequences()).hasSize(1);
        SequenceReport s = report.sequences().get(0);
        assertThat(s.sequenceId()).isEqualTo(sequence.id());
        assertThat(s.enrolled()).isEqualTo(24);
        assertThat(s.conversions().successes() + s.running() + s.completed() + s.exited()).isEqualTo(s.enrolled());
        assertThat(s.steps()).hasSize(3).allSatisfy(step -> {
            assertThat(step.windowClosed()).isEqualTo(step.reached() + step.convertedBefore() + step.droppedOff());
            assertThat(step.reached()).isEqualTo(step.executed() + step.skipped() + step.failed());
        });
        assertThat(s.steps().get(0).executed()).isEqualTo(24);
        long stepAttempts = s.steps().stream().mapToLong(step -> step.attempts().trials()).sum();
        assertThat(stepAttempts).isEqualTo(report.heatmap().sends());
        assertThat(s.timeToConversion().summary().conversions()).isEqualTo((int) s.conversions().successes());
        assertThat(report.leaderboard()).extracting(LeaderboardEntry::sequenceId).containsExactly(sequence.id());
        assertThat(report.campaigns()).extracting(CampaignSummary::campaignId).containsExactly(campaign.id());
    }

    @Test
    void abTestCountsComeFromTheStore() {
        assertThat(report.abTests()).hasSize(1);
        AbTestReport test = report.abTests().get(0);
        long exposed = test.variants().stream().mapToLong(v -> v.leads().trials()).sum();
        assertThat(exposed).isEqualTo(24);
        Map<String, io.retentioncenter.core.experiment.ArmCounts> counts = STORE.abTestCounts(test.testId());
        assertThat(test.variants()).allSatisfy(v -> assertThat(v.leads().successes())
                .isEqualTo(counts.get(v.name()).converted()));
    }

    @Test
    void reportIsCleanAndPrintable() {
        RecordChecks.assertClean(report);
        String text = report.toText();

        assertThat(text).contains("LEARNING REPORT", "OVERVIEW", "“Spring nurture”", "A/B TESTS", "LEADERBOARD",
                "CANDIDATES FOR A/B TESTS", "Spring offer", "Last touch within 3d");
        assertThat(report.scan().attempts()).isEqualTo(EMAIL.count() + SMS.count());
    }
}
