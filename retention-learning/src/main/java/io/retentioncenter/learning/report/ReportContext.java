package io.retentioncenter.learning.report;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.fact.AttemptFact;
import io.retentioncenter.core.fact.EnrollmentFact;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.spi.FactSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query, the moment of computation and the (small) configuration a report needs, with the
 * scope's rules for which facts belong to it.
 */
final class ReportContext {
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    final ReportQuery query;
    final Instant generatedAt;
    final Instant observedUntil;
    final Map<String, Campaign> campaigns = new LinkedHashMap<>();
    final Map<String, RetentionSequence> sequences = new LinkedHashMap<>();
    final Map<String, Script> scripts = new LinkedHashMap<>();
    final List<AbTest> abTests;

    private ReportContext(ReportQuery query, Instant generatedAt, FactSource store) {
        this.query = query;
        this.generatedAt = generatedAt;
        this.observedUntil = query.to().isBefore(generatedAt) ? query.to() : generatedAt;
        store.listCampaigns().forEach(c -> campaigns.put(c.id(), c));
        store.listSequences().forEach(s -> sequences.put(s.id(), s));
        store.listScripts().forEach(s -> scripts.put(s.id(), s));
        this.abTests = store.listAbTests();
    }

    /**
     * Loads the configuration and checks that the scope's campaign or sequence exists.
     *
     * @throws NotFoundException when it does not
     */
    static ReportContext load(FactSource store, ReportQuery query, Instant now) {
        ReportContext context = new ReportContext(query, now, store);
        ReportScope scope = query.scope();
        scope.campaignId().filter(id -> !context.campaigns.containsKey(id)).ifPresent(id -> {
            throw new NotFoundException("campaign", id);
        });
        scope.sequenceId().filter(id -> !context.sequences.containsKey(id)).ifPresent(id -> {
            throw new NotFoundException("sequence", id);
        });
        return context;
    }

    ScopeKind kind() {
        return query.scope().kind();
    }

    /** Hours from the start of the range to the end of observation; 0 when the range starts later. */
    double observedHours() {
        return Math.max(0.0, (observedUntil.toEpochMilli() - query.from().toEpochMilli()) / MILLIS_PER_HOUR);
    }

    /** The time-to-conversion horizon in hours: the attribution window. */
    double horizonHours() {
        return query.attributionWindow().toMillis() / MILLIS_PER_HOUR;
    }

    /** {@code millis} in hours. */
    static double hours(long millis) {
        return millis / MILLIS_PER_HOUR;
    }

    /** Whether an attempt belongs to the scope; {@code cohortMember} tells if its enrollment is in the cohort. */
    boolean includes(AttemptFact attempt, boolean cohortMember) {
        return switch (kind()) {
            case GLOBAL -> true;
            case CAMPAIGN -> query.scope().campaignId().orElseThrow().equals(attempt.campaignId());
            case CHANNEL -> query.scope().channel().orElseThrow() == attempt.channel();
            case SEQUENCE -> cohortMember;
        };
    }

    /**
     * Whether a sale counts in the overview for the campaign and channel scopes (credited channel);
     * for the sequence scope the cohort decides, see {@link #decidesSalesByCohort()}.
     */
    boolean includes(Conversion sale) {
        return switch (kind()) {
            case GLOBAL -> true;
            case CAMPAIGN -> query.scope().campaignId().orElseThrow().equals(sale.campaignId());
            case CHANNEL -> sale.channel().equals(query.scope().channel());
            case SEQUENCE -> false;
        };
    }

    /** Whether the sales of the scope are those of its cohort's enrollments (the sequence scope). */
    boolean decidesSalesByCohort() {
        return kind() == ScopeKind.SEQUENCE;
    }

    /** Whether an enrollment of {@code sequence} belongs to the cohort of the scope. */
    boolean includes(EnrollmentFact enrollment, RetentionSequence sequence) {
        return switch (kind()) {
            case GLOBAL -> true;
            case CAMPAIGN -> query.scope().campaignId().orElseThrow().equals(enrollment.campaignId());
            case SEQUENCE -> query.scope().sequenceId().orElseThrow().equals(sequence.id());
            case CHANNEL -> sendsOn(sequence, query.scope().channel().orElseThrow());
        };
    }

    /** Whether executions of {@code sequence} belong to the scope. */
    boolean includes(RetentionSequence sequence) {
        return switch (kind()) {
            case GLOBAL -> true;
            case CAMPAIGN -> sequence.campaignId().equals(query.scope().campaignId());
            case SEQUENCE -> query.scope().sequenceId().orElseThrow().equals(sequence.id());
            case CHANNEL -> sendsOn(sequence, query.scope().channel().orElseThrow());
        };
    }

    /** Whether an A/B test belongs to the scope (a timing test to the scope of its step's sequence). */
    boolean includes(AbTest test) {
        return switch (kind()) {
            case GLOBAL -> true;
            case CAMPAIGN -> query.scope().campaignId().orElseThrow().equals(test.campaignId());
            case SEQUENCE -> test.step().map(s -> s.sequenceId().equals(query.scope().sequenceId().orElseThrow()))
                    .orElseGet(() -> sequences.get(query.scope().sequenceId().orElseThrow()).campaignId()
                            .equals(Optional.of(test.campaignId())));
            case CHANNEL -> query.scope().channel().orElseThrow() == test.channel();
        };
    }

    private static boolean sendsOn(RetentionSequence sequence, Channel channel) {
        return sequence.steps().stream().anyMatch(step -> step.channel() == channel);
    }
}
