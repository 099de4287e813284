package io.retentioncenter.core.lead;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import java.time.Instant;
import java.util.Comparator;

/**
 * Something that happened to a lead, for its timeline and the recent-activity feed: it was created,
 * changed status, got an attempt, had a sequence step executed, or converted. Each kind carries its
 * whole record; {@link #kind()} says which one it is.
 */
public sealed interface LeadEvent permits LeadEvent.Created, LeadEvent.StatusChanged, LeadEvent.Attempted,
        LeadEvent.StepExecuted, LeadEvent.Converted {

    /**
     * Oldest first; at one instant in kind order (what causes a status change sorts before it), status
     * changes in lifecycle order (a lead only moves forward), then by the record's id.
     */
    Comparator<LeadEvent> IN_TIME_ORDER = Comparator.comparing(LeadEvent::at).thenComparing(LeadEvent::kind)
            .thenComparingInt(LeadEvent::stepInLifecycle).thenComparing(LeadEvent::recordId);

    /** The kinds of event. */
    enum Kind {
        /** The lead was stored. */
        CREATED,
        /** A sequence step was executed, skipped, deferred or failed. */
        STEP_EXECUTED,
        /** An attempt was created (its current status is in the attempt). */
        ATTEMPT,
        /** A conversion was first reported (its current status is in the conversion). */
        CONVERSION,
        /** The lead changed status. */
        STATUS_CHANGED
    }

    private static int stepInLifecycle(LeadEvent event) {
        return event instanceof StatusChanged changed ? changed.change().to().ordinal() : 0;
    }

    /** Which kind of event this is. */
    Kind kind();

    /** When it happened. */
    Instant at();

    /** The lead it happened to. */
    String leadId();

    /** The id of the record the event carries. */
    String recordId();

    /**
     * The lead was stored, at its creation time.
     *
     * @param lead the lead as it is now
     */
    record Created(Lead lead) implements LeadEvent {
        /** Validates. */
        public Created {
            Require.present(lead, "lead");
        }

        @Override
        public Kind kind() {
            return Kind.CREATED;
        }

        @Override
        public Instant at() {
            return lead.createdAt();
        }

        @Override
        public String leadId() {
            return lead.id();
        }

        @Override
        public String recordId() {
            return lead.id();
        }
    }

    /**
     * The lead moved from one status to another.
     *
     * @param change the move
     */
    record StatusChanged(LeadStatusChange change) implements LeadEvent {
        /** Validates. */
        public StatusChanged {
            Require.present(change, "change");
        }

        @Override
        public Kind kind() {
            return Kind.STATUS_CHANGED;
        }

        @Override
        public Instant at() {
            return change.at();
        }

        @Override
        public String leadId() {
            return change.leadId();
        }

        @Override
        public String recordId() {
            return change.id();
        }
    }

    /**
     * An attempt was created, at its creation time.
     *
     * @param attempt the attempt as it is now
     */
    record Attempted(ContactAttempt attempt) implements LeadEvent {
        /** Validates. */
        public Attempted {
            Require.present(attempt, "attempt");
        }

        @Override
        public Kind kind() {
            return Kind.ATTEMPT;
        }

        @Override
        public Instant at() {
            return attempt.createdAt();
        }

        @Override
        public String leadId() {
            return attempt.leadId();
        }

        @Override
        public String recordId() {
            return attempt.id();
        }
    }

    /**
     * A step of one of the lead's enrollments was executed.
     *
     * @param leadId the lead
     * @param execution the execution
     */
    record StepExecuted(String leadId, SequenceStepExecution execution) implements LeadEvent {
        /** Validates. */
        public StepExecuted {
            Require.text(leadId, "leadId");
            Require.present(execution, "execution");
        }

        @Override
        public Kind kind() {
            return Kind.STEP_EXECUTED;
        }

        @Override
        public Instant at() {
            return execution.executedAt();
        }

        @Override
        public String recordId() {
            return execution.id();
        }
    }

    /**
     * A conversion was first reported, at its first postback's time.
     *
     * @param conversion the conversion as it is now
     */
    record Converted(Conversion conversion) implements LeadEvent {
        /** Validates. */
        public Converted {
            Require.present(conversion, "conversion");
        }

        @Override
        public Kind kind() {
            return Kind.CONVERSION;
        }

        @Override
        public Instant at() {
            return conversion.occurredAt();
        }

        @Override
        public String leadId() {
            return conversion.leadId();
        }

        @Override
        public String recordId() {
            return conversion.id();
        }
    }
}
