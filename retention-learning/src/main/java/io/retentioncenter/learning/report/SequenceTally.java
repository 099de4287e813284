package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.RetentionSequence;
import java.util.ArrayList;
import java.util.List;

/** Counts of one sequence: its cohort, per-step executions and attempts, and operations. */
final class SequenceTally {
    private static final int CHANNELS = Channel.values().length;

    final RetentionSequence sequence;
    final int steps;
    final List<EnrollmentTally> cohort = new ArrayList<>();
    final long[] executed;
    final long[] skipped;
    final long[] failed;
    /** Per step and channel: sent attempts and attributed conversions. */
    final long[][] sent;
    final long[][] converted;
    final long[] credited;
    final OperationsTally operations = new OperationsTally();

    SequenceTally(RetentionSequence sequence) {
        this.sequence = sequence;
        this.steps = sequence.steps().size();
        this.executed = new long[steps];
        this.skipped = new long[steps];
        this.failed = new long[steps];
        this.sent = new long[steps][CHANNELS];
        this.converted = new long[steps][CHANNELS];
        this.credited = new long[steps];
    }

    /** Counts a cohort execution of step {@code order}; a deferral is no outcome (the step runs again later). */
    void execution(int order, ExecutionStatus status) {
        if (order > steps) {
            return;
        }
        if (status == ExecutionStatus.EXECUTED) {
            executed[order - 1]++;
        } else if (status == ExecutionStatus.SKIPPED) {
            skipped[order - 1]++;
        } else if (status == ExecutionStatus.FAILED) {
            failed[order - 1]++;
        }
    }

    /** Counts a sent attempt of step {@code order} on {@code channel}. */
    void sentAttempt(int order, Channel channel, boolean wasConverted) {
        if (order < 1 || order > steps) {
            return;
        }
        sent[order - 1][channel.ordinal()]++;
        if (wasConverted) {
            converted[order - 1][channel.ordinal()]++;
        }
    }

    /** Counts a sale the tracker credited to an attempt of step {@code order}. */
    void credited(int order) {
        if (order >= 1 && order <= steps) {
            credited[order - 1]++;
        }
    }

    /** Whether the sequence has anything to report for the range. */
    boolean isActive() {
        return !cohort.isEmpty() || operations.hasActivity();
    }
}
