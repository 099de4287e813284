package io.retentioncenter.core.lead;

import io.retentioncenter.core.spi.LeadIntakeStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of single-lead intakes: concurrent calls share one store call, so one transaction
 * (and one commit) carries many leads. Leader and followers, without a timer: a call that finds no
 * batch in flight leads at once and writes its intake alone ({@link LeadIntakeStore#ingestLead});
 * calls arriving while a batch is in flight queue up, and when it ends the first of them leads the
 * next batch: its own intake and those queued behind it for the same configuration version, in queue
 * order, at most {@code maxBatch} ({@link LeadIntakeStore#ingestLeads}). A lone call pays no delay and
 * batches grow with the load.
 *
 * <p>Each call gets what its intake alone would have got. A batch fits in one chunk of
 * {@code ingestLeads}, so it is all or nothing, and a later intake of a person in it is the duplicate
 * of the earlier one, as it would be a moment later. When a batch fails, each of its calls writes its
 * own intake alone, so only an intake that fails by itself gets an exception. Usually nothing of the
 * batch was written; when its commit landed but the answer was lost (a connection dropped at the
 * commit), each intake finds its own lead stored and is reported as the creation it was, with
 * nothing written twice. A call waiting for its batch ignores interrupts (its lead may be being
 * written) and returns with its interrupt status set; it waits for the batches ahead of it (usually
 * the one in flight), each a store call bounded by the store's own timeouts.
 */
final class IntakeGroupCommit {
    private static final Logger log = LoggerFactory.getLogger(IntakeGroupCommit.class);

    private final LeadIntakeStore store;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    /** Calls waiting for a batch, oldest first; never empty while no batch is in flight. */
    private final Deque<Call> queue = new ArrayDeque<>();
    private boolean inFlight;

    /**
     * Groups intakes for {@code store}, at most {@code maxBatch} per call (no more than one chunk of
     * {@link LeadIntakeStore#ingestLeads}); 1 writes each intake alone at once.
     */
    IntakeGroupCommit(LeadIntakeStore store, int maxBatch) {
        this.store = store;
        this.maxBatch = maxBatch;
    }

    /** Takes in {@code intake} as {@link LeadIntakeStore#ingestLead} would, possibly with others. */
    Optional<IntakeOutcome> ingest(LeadIntake intake, long configVersion) {
        if (maxBatch == 1) {
            return store.ingestLead(intake, configVersion);
        }
        Call call = new Call(intake, configVersion, lock.newCondition());
        List<Call> batch = awaitTurn(call);
        if (batch.size() == 1) {
            try {
                return store.ingestLead(intake, configVersion);
            } finally {
                finish(List.of(), null);
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
        return call.state == State.WRITTEN ? call.outcome : store.ingestLead(intake, configVersion);
    }

    /**
     * Queues {@code call} and waits until it leads a batch (returned, {@code call} first) or another
     * call's batch has dealt with it (an empty list).
     */
    private List<Call> awaitTurn(Call call) {
        lock.lock();
        try {
            queue.addLast(call);
            if (inFlight) {
                while (call.state == State.QUEUED) {
                    call.turn.awaitUninterruptibly();
                }
                if (call.state != State.LEADING) {
                    return List.of();
                }
            }
            inFlight = true;
            return takeBatch();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the first queued call and the later ones of its configuration version, up to the maximum. */
    private List<Call> takeBatch() {
        long version = queue.getFirst().configVersion;
        List<Call> batch = new ArrayList<>();
        for (Iterator<Call> it = queue.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
            Call queued = it.next();
            if (queued.configVersion == version) {
                batch.add(queued);
                it.remove();
            }
        }
        return batch;
    }

    /** Writes a batch of several calls with one store call and tells each what became of its intake. */
    private void write(List<Call> batch) {
        List<IntakeOutcome> taken = null;
        try {
            taken = store.ingestLeads(batch.stream().map(c -> c.intake).toList(), batch.get(0).configVersion);
        } catch (RuntimeException e) {
            log.debug("a batch of {} intakes failed ({}); each is written alone", batch.size(), e.getClass().getName());
        } finally {
            finish(batch, taken);
        }
    }

    /**
     * Gives each call of a finished batch its outcome ({@code taken} holds those of a prefix; the rest
     * found the configuration moved on), or lets each write alone when {@code taken} is null (the
     * batch failed), then hands the lead to the oldest queued call.
     */
    private void finish(List<Call> batch, List<IntakeOutcome> taken) {
        lock.lock();
        try {
            for (int i = 0; i < batch.size(); i++) {
                Call call = batch.get(i);
                call.state = taken == null ? State.ALONE : State.WRITTEN;
                call.outcome = taken == null || i >= taken.size() ? Optional.empty() : Optional.of(taken.get(i));
                call.turn.signal();
            }
            Call next = queue.peekFirst();
            if (next == null) {
                inFlight = false;
            } else {
                next.state = State.LEADING;
                next.turn.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Where a call stands. */
    private enum State {
        /** Waiting in the queue. */
        QUEUED,
        /** Leads the next batch. */
        LEADING,
        /** Its batch was written: its outcome is final. */
        WRITTEN,
        /** Its batch failed and wrote nothing: it writes its intake alone. */
        ALONE
    }

    /** One waiting call; its mutable fields are guarded by the lock. */
    private static final class Call {
        private final LeadIntake intake;
        private final long configVersion;
        private final Condition turn;
        private State state = State.QUEUED;
        private Optional<IntakeOutcome> outcome = Optional.empty();

        Call(LeadIntake intake, long configVersion, Condition turn) {
            this.intake = intake;
            this.configVersion = configVersion;
            this.turn = turn;
        }
    }
}
