package io.retentioncenter.jdbi;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.StepOutcome;
import io.retentioncenter.core.store.StoreFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An engine's connection dies in the middle of a unit of work, on every try: a second connection holds
 * a lock the store's transaction needs, and whenever the store waits for it, its backend is terminated.
 * After its bounded retries the call fails with a transient {@link StoreException}, nothing of any run
 * remains, and the lease it held can be reclaimed once it expires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCrashTest {
    private TestDatabase database;
    private JdbiRetentionStore store;
    private final ExecutorService engine = Executors.newSingleThreadExecutor();

    @BeforeAll
    void open() {
        database = TestDatabase.postgres();
    }

    @AfterAll
    void close() {
        engine.shutdownNow();
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyStore() {
        store = database.emptyStore();
        store.saveSequence(StoreFixtures.sequence(SEQUENCE, CAMPAIGN, 2));
        store.insertLeadIfAbsent(StoreFixtures.lead("lead_1"));
        store.enroll(StoreFixtures.enrollment("enr_1", SEQUENCE, "lead_1", T0, T0), Duration.ZERO);
    }

    @Test
    void aStepOutcomeKilledOnEveryTryWritesNothingAndItsExpiredLeaseIsReclaimed() throws Exception {
        SequenceEnrollment claimed = store.claimDueEnrollments(T0, 10, "engine_a", minutes(5)).get(0);
        StepOutcome outcome = StoreFixtures.executedStep(claimed, "engine_a", "att_1", T0);
        Lead before = store.findLead("lead_1").orElseThrow();

        try (Connection blocker = database.connect()) {
            blocker.setAutoCommit(false);
            // an uncommitted attempt with the same idempotency key: the store's batch insert waits for it,
            // after it has already written the lead's contact count
            insertAttemptWithKey(blocker, outcome.attempt().orElseThrow().idempotencyKey());
            Future<List<StepOutcome.Result>> recording = engine.submit(() -> store.recordStepOutcomes(List.of(outcome)));

            assertThat(BlockedBackends.terminateUntilDone(blocker, recording)).as("one kill per run, runs bounded").isBetween(2, 5);

            assertThatThrownBy(recording::get).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(StoreException.class).hasMessageContaining("recordStepOutcomes")
                    .hasCauseInstanceOf(JdbiException.class)
                    .satisfies(e -> assertThat(((StoreException) e).isTransient()).isTrue());
            blocker.rollback();
        }

        assertThat(store.findLead("lead_1")).contains(before);
        assertThat(store.attemptsOfLead("lead_1")).isEmpty();
        assertThat(store.listExecutions("enr_1")).isEmpty();
        assertThat(store.findEnrollment("enr_1")).contains(claimed);
        assertThat(store.claimDueEnrollments(minutes(4), 10, "engine_b", minutes(20))).as("lease still valid").isEmpty();
        SequenceEnrollment reclaimed = store.claimDueEnrollments(minutes(5), 10, "engine_b", minutes(20)).get(0);
        assertThat(reclaimed.leaseOwner()).contains("engine_b");
        assertThat(store.recordStepOutcomes(List.of(outcome))).as("the dead engine's outcome")
                .containsExactly(StepOutcome.Result.STALE);
        assertThat(store.recordStepOutcomes(List.of(StoreFixtures.executedStep(reclaimed, "engine_b", "att_1",
                minutes(5))))).containsExactly(StepOutcome.Result.APPLIED);
        assertThat(store.findLead("lead_1").orElseThrow().contactCount()).isEqualTo(1);
    }

    @Test
    void aDispatchCompletionKilledOnEveryTryKeepsTheAttemptDispatchingUntilItsLeaseExpires() throws Exception {
        SequenceEnrollment claimed = store.claimDueEnrollments(T0, 10, "engine_a", minutes(5)).get(0);
        store.recordStepOutcomes(List.of(StoreFixtures.executedStep(claimed, "engine_a", "att_1", T0)));
        ContactAttempt dispatching = store.claimDispatchable(T0, 10, "engine_a", minutes(2)).get(0);
        ContactAttempt failed = dispatching.withStatus(AttemptStatus.FAILED, minutes(1));

        try (Connection blocker = database.connect()) {
            blocker.setAutoCommit(false);
            // the store's completion updates the attempt first, then waits for the execution row
            try (Statement lock = blocker.createStatement()) {
                lock.executeQuery("SELECT id FROM " + database.table("rc_execution") + " FOR UPDATE").close();
            }
            Future<Boolean> completing = engine.submit(
                    () -> store.completeDispatch(new DispatchCompletion("engine_a", failed, true)));

            assertThat(BlockedBackends.terminateUntilDone(blocker, completing)).as("one kill per run, runs bounded").isBetween(2, 5);

            assertThatThrownBy(completing::get).cause().isInstanceOf(StoreException.class)
                    .hasMessageContaining("completeDispatch")
                    .satisfies(e -> assertThat(((StoreException) e).isTransient()).isTrue());
            blocker.rollback();
        }

        assertThat(store.findAttempt("att_1")).contains(dispatching);
        assertThat(store.listExecutions("enr_1")).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.EXECUTED));
        assertThat(store.claimStaleDispatches(minutes(1), 10, "engine_b", minutes(12))).isEmpty();
        assertThat(store.claimStaleDispatches(minutes(2), 10, "engine_b", minutes(12))).containsExactly(dispatching);
        assertThat(store.completeDispatch(new DispatchCompletion("engine_a", failed, true))).isFalse();
        assertThat(store.completeDispatch(new DispatchCompletion("engine_b", failed, true))).isTrue();
        assertThat(store.listExecutions("enr_1").get(0).status()).isEqualTo(ExecutionStatus.FAILED);
    }

    private void insertAttemptWithKey(Connection connection, String idempotencyKey) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + database.table("rc_attempt")
                + " (id, lead_id, campaign_id, channel, kind, status, try_number, idempotency_key, recipient, body,"
                + " due_at, keywords, created_at, updated_at) VALUES ('att_blocker', 'lead_1', ?, 'EMAIL', 'DIRECT',"
                + " 'PENDING', 1, ?, 'x@example.com', '', now(), '[]', now(), now())")) {
            insert.setString(1, CAMPAIGN);
            insert.setString(2, idempotencyKey);
            insert.executeUpdate();
        }
    }
}
