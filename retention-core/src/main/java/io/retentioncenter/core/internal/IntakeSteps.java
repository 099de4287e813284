package io.retentioncenter.core.internal;

import io.retentioncenter.core.IllegalStateTransitionException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.lead.IntakeOutcome;
import io.retentioncenter.core.lead.IntakeRoute;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadInsertResult;
import io.retentioncenter.core.lead.LeadIntake;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.LeadStatusChange;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps of one lead intake ({@link io.retentioncenter.core.spi.LeadIntakeStore}) in order, over
 * the operations of a store's open unit of work, so every store applies the same rules: insert or
 * find the lead, then (for a new lead or one still NEW) assign it route by route under the caps
 * (skipping a campaign an operator removed it from), enroll it, and move it to IN_PROGRESS when it
 * belongs to a campaign. A new lead whose first route has no cap is certain to join it, so it is
 * inserted IN_PROGRESS at once (one write less); its move from NEW is recorded all the same
 * ({@link #insertedMove}). Stores that take many new leads set-based apply the same rules to all of
 * them at once.
 *
 * <p>An intake that finds its own candidate stored (the same id, which no other intake carries) is
 * a rerun of one whose commit landed although its caller never heard so, as when a group commit's
 * connection drops during the commit: it changes nothing and reports that creation again.
 */
public final class IntakeSteps {
    private IntakeSteps() {
    }

    /** What a store does for each step, inside the unit of work the intake runs in. */
    public interface Operations {
        /** Assigns the lead (see {@code assignLead}). */
        Assignment assign(String campaignId, String leadId, Optional<Integer> cap, Instant at);

        /** Enrolls the lead (see {@code enroll}). */
        EnrollResult enroll(SequenceEnrollment enrollment, Duration cooldown);

        /** Moves a NEW lead to IN_PROGRESS unless something moved it on meanwhile. */
        Lead start(Lead lead, Instant at);

        /** Whether the lead is an ACTIVE member of the campaign. */
        boolean isActiveMember(String campaignId, String leadId);

        /** The lead's enrollments, in enrollment order. */
        List<SequenceEnrollment> enrollmentsOf(String leadId);
    }

    /** Checks an intake's arguments; throws {@link ValidationException} naming the first bad one. */
    public static LeadIntake checked(LeadIntake intake, String field) {
        Require.present(intake, field);
        Require.present(intake.candidate(), field + ".candidate");
        for (int i = 0; i < intake.routes().size(); i++) {
            String at = field + ".routes[" + i + "]";
            IntakeRoute route = Require.present(intake.routes().get(i), at);
            Require.text(route.campaignId(), at + ".campaignId");
            StoreArguments.cap(route.cap());
            Require.present(route.sequence(), at + ".sequence").ifPresent(s -> {
                Require.text(s.sequenceId(), at + ".sequence.sequenceId");
                if (Require.present(s.firstDelay(), at + ".sequence.firstDelay").isNegative()
                        || Require.present(s.cooldown(), at + ".sequence.cooldown").isNegative()) {
                    throw new ValidationException(at + ".sequence", "delays must not be negative");
                }
            });
        }
        return intake;
    }

    /** Checks every intake of a bulk call. */
    public static List<LeadIntake> checked(List<LeadIntake> intakes) {
        Require.present(intakes, "intakes");
        for (int i = 0; i < intakes.size(); i++) {
            checked(intakes.get(i), "intakes[" + i + "]");
        }
        return intakes;
    }

    /** The candidate as a new lead is inserted: IN_PROGRESS when its first route is sure to take it. */
    public static Lead asInserted(LeadIntake intake) {
        Lead candidate = intake.candidate();
        boolean sure = !intake.routes().isEmpty() && intake.routes().get(0).cap().isEmpty()
                && candidate.status() == LeadStatus.NEW;
        return sure ? candidate.withStatus(LeadStatus.IN_PROGRESS, candidate.createdAt()) : candidate;
    }

    /**
     * The status move of a lead inserted as {@link #asInserted} made it: NEW to IN_PROGRESS at its
     * creation time, or empty when it went in as its candidate was. A store writes it with the lead,
     * as it writes every other status move.
     */
    public static Optional<LeadStatusChange> insertedMove(LeadIntake intake, Lead inserted) {
        LeadStatus from = intake.candidate().status();
        return from == inserted.status() ? Optional.empty()
                : Optional.of(new LeadStatusChange(Ids.next("lsc"), inserted.id(), from, inserted.status(),
                        inserted.updatedAt()));
    }

    /**
     * Routes the lead of an intake through {@code ops} once the store inserted {@link #asInserted} or
     * found the lead it duplicates ({@code inserted}).
     */
    public static IntakeOutcome apply(LeadIntake intake, LeadInsertResult inserted, Operations ops) {
        Lead lead = inserted.lead();
        if (!inserted.created() && lead.id().equals(intake.candidate().id())) {
            return createdBefore(intake, lead, ops);
        }
        if (!inserted.created() && lead.status() != LeadStatus.NEW) {
            return new IntakeOutcome(lead, false, List.of(), List.of());
        }
        return route(lead, inserted.created(), intake.routes(), intake.candidate().createdAt(), ops);
    }

    /**
     * The outcome of an intake whose lead an earlier run of the same intake created: a creation, with
     * the campaigns of its routes the lead is an active member of and its enrollments through them.
     */
    private static IntakeOutcome createdBefore(LeadIntake intake, Lead lead, Operations ops) {
        List<String> routed = intake.routes().stream().map(IntakeRoute::campaignId).distinct().toList();
        return new IntakeOutcome(lead, true,
                routed.stream().filter(campaignId -> ops.isActiveMember(campaignId, lead.id())).toList(),
                ops.enrollmentsOf(lead.id()).stream().filter(e -> routed.contains(e.campaignId())).toList());
    }

    /** Routes a lead that is new or still NEW. */
    private static IntakeOutcome route(Lead lead, boolean fresh, List<IntakeRoute> routes, Instant at,
            Operations ops) {
        List<String> joined = new ArrayList<>();
        List<SequenceEnrollment> enrollments = new ArrayList<>();
        boolean member = false;
        for (IntakeRoute route : routes) {
            Assignment a = ops.assign(route.campaignId(), lead.id(), route.cap(), at);
            if (a == Assignment.CAP_REACHED || a == Assignment.REMOVED) {
                continue;
            }
            member = true;
            boolean enrolled = false;
            if (route.sequence().isPresent()) {
                IntakeRoute.Sequence s = route.sequence().get();
                EnrollResult r = ops.enroll(enrollment(route, s, lead.id(), at), s.cooldown());
                enrolled = r.outcome() == EnrollResult.Outcome.ENROLLED;
                if (enrolled) {
                    r.enrollment().ifPresent(enrollments::add);
                }
            }
            if (a == Assignment.ASSIGNED || enrolled) {
                joined.add(route.campaignId());
            }
        }
        Lead stored = lead;
        if (member && lead.status() == LeadStatus.NEW) {
            stored = ops.start(lead, at);
        }
        return new IntakeOutcome(stored, fresh, joined, enrollments);
    }

    /**
     * The enrollment an intake starts for {@code leadId} through {@code route}'s {@code sequence}:
     * a fresh id, step 1 due {@code at} plus the first step's delay.
     */
    public static SequenceEnrollment enrollment(IntakeRoute route, IntakeRoute.Sequence sequence, String leadId,
            Instant at) {
        return SequenceEnrollment.start(Ids.next("enr"), sequence.sequenceId(), leadId, route.campaignId(), at,
                at.plus(sequence.firstDelay()));
    }

    /** {@code lead} moved to IN_PROGRESS, or unchanged when it is past NEW already. */
    public static Lead started(Lead lead, Instant at) {
        try {
            return lead.withStatus(LeadStatus.IN_PROGRESS, at);
        } catch (IllegalStateTransitionException alreadyFurther) {
            return lead;
        }
    }
}
