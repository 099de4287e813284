package io.retentioncenter.core.internal;

import io.retentioncenter.core.sequence.TickResult;

/** Mutable tally of one tick, turned into a {@link TickResult} at the end. Not thread-safe. */
final class TickCounter {
    int claimed;
    int executed;
    int skipped;
    int deferred;
    int exited;
    int completed;
    int held;
    int stale;
    int setAside;
    private DispatchCounts dispatch = DispatchCounts.NONE;

    void add(DispatchCounts counts) {
        dispatch = dispatch.plus(counts);
    }

    void count(PlannedStep.Kind kind) {
        switch (kind) {
            case EXECUTED -> executed++;
            case SKIPPED -> skipped++;
            case DEFERRED -> deferred++;
            case EXITED -> exited++;
            case COMPLETED -> completed++;
            case HELD -> held++;
            case SET_ASIDE -> setAside++;
        }
    }

    /** Adds another worker's tally of the same tick to this one. */
    void add(TickCounter other) {
        claimed += other.claimed;
        executed += other.executed;
        skipped += other.skipped;
        deferred += other.deferred;
        exited += other.exited;
        completed += other.completed;
        held += other.held;
        stale += other.stale;
        setAside += other.setAside;
        dispatch = dispatch.plus(other.dispatch);
    }

    TickResult result() {
        return new TickResult(claimed, executed, skipped, deferred, exited, completed, held, stale, dispatch.sent(),
                dispatch.retried(), dispatch.failed(), dispatch.unknown(), setAside);
    }
}
