package io.retentioncenter.jdbi;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.contact.AttemptChange;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import io.retentioncenter.core.internal.Attempts;
import io.retentioncenter.core.lead.IntakeOutcome;
import io.retentioncenter.core.lead.IntakeRoute;
import io.retentioncenter.core.lead.LeadIntake;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.StepOutcome;
import io.retentioncenter.core.store.StoreFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The writes that finish work, and lead intake, survive a lost connection: they run again on a fresh
 * pooled connection, and when the first run's commit did land (only its acknowledgement was lost) the
 * rerun applies nothing and says so (an intake reports the creation it made). Errors the database would repeat are not retried and are not transient.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRetryTest {
    private TestDatabase database;
    private AckLosingDataSource dataSource;
    private JdbiRetentionStore store;
    private final ExecutorService engine = Executors.newSingleThreadExecutor();

    @BeforeAll
    void open() {
        database = TestDatabase.postgres();
        database.emptyStore();
        dataSource = new AckLosingDataSource(database.pool(4));
        store = database.storeOn(dataSource);
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
        database.emptyStore();
        store.saveSequence(StoreFixtures.sequence(SEQUENCE, CAMPAIGN, 2));
        store.insertLeadIfAbsent(StoreFixtures.lead("lead_1"));
        store.enroll(StoreFixtures.enrollment("enr_1", SEQUENCE, "lead_1", T0, T0), Duration.ZERO);
    }

    @Test
    void aCompletionWhoseBackendIsKilledRunsAgainOnAFreshConnection() throws Exception {
        ContactAttempt dispatching = dispatching();
        int connectionsBefore = dataSource.connectionsHandedOut();

        assertThat(completeFailedWhileItsBackendIsKilled(dispatching)).as("applied by the second run").isTrue();

        assertThat(dataSource.connectionsHandedOut() - connectionsBefore).as("a fresh connection").isEqualTo(2);
        assertThat(store.findAttempt(dispatching.id()).orElseThrow().status()).isEqualTo(AttemptStatus.FAILED);
        assertThat(store.listExecutions("enr_1")).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED));
    }

    @Test
    void aLostConnectionReplacesThePoolsIdleConnections() throws Exception {
        ContactAttempt dispatching = dispatching();
        Set<Integer> pooled = pooledBackends(4);

        assertThat(completeFailedWhileItsBackendIsKilled(dispatching)).isTrue();

        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!alive(pooled).isEmpty()) {
            assertThat(System.nanoTime()).as("old connections closed in time: %s", alive(pooled)).isLessThan(giveUp);
            Thread.sleep(50);
        }
    }

    @Test
    void aStepOutcomeWhoseCommitIsNotAcknowledgedIsAppliedOnceAndReportedStale() {
        SequenceEnrollment claimed = store.claimDueEnrollments(T0, 10, "engine_a", minutes(5)).get(0);
        StepOutcome outcome = StoreFixtures.executedStep(claimed, "engine_a", "att_1", T0);

        dataSource.loseNextCommitAcknowledgement();
        assertThat(store.recordStepOutcomes(List.of(outcome))).as("the rerun finds the lease released")
                .containsExactly(StepOutcome.Result.STALE);

        assertThat(store.findLead("lead_1").orElseThrow().contactCount()).isEqualTo(1);
        assertThat(store.attemptsOfLead("lead_1")).extracting(ContactAttempt::id).containsExactly("att_1");
        assertThat(store.listExecutions("enr_1")).hasSize(1);
        SequenceEnrollment stored = store.findEnrollment("enr_1").orElseThrow();
        assertThat(stored.currentStep()).isEqualTo(claimed.currentStep() + 1);
        assertThat(stored.leaseOwner()).isEmpty();
    }

    @Test
    void aCompletionWhoseCommitIsNotAcknowledgedIsAppliedOnceAndReportedNotApplied() {
        ContactAttempt dispatching = dispatching();
        ContactAttempt sent = Attempts.sent(dispatching, "recording-email", Optional.of("ref_1"), minutes(1));

        dataSource.loseNextCommitAcknowledgement();
        assertThat(store.completeDispatches(List.of(new DispatchCompletion("engine_a", sent, false))))
                .as("the rerun finds the attempt no longer dispatching").containsExactly(false);

        assertThat(store.findAttempt(dispatching.id())).contains(sent);
        assertThat(store.claimStaleDispatches(minutes(60), 10, "engine_b", minutes(70))).isEmpty();
    }

    @Test
    void aProviderEventWhoseCommitIsNotAcknowledgedIsAppliedOnceAndReportedNotApplied() {
        ContactAttempt dispatching = dispatching();
        ContactAttempt sent = Attempts.sent(dispatching, "recording-email", Optional.of("ref_1"), minutes(1));
        store.completeDispatches(List.of(new DispatchCompletion("engine_a", sent, false)));
        AttemptChange delivered = new AttemptChange(sent.id(), AttemptStatus.DELIVERED, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of());

        dataSource.loseNextCommitAcknowledgement();
        assertThat(store.advanceAttempt(delivered, minutes(2))).as("the rerun finds it delivered already").isEmpty();

        ContactAttempt stored = store.findAttempt(sent.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(AttemptStatus.DELIVERED);
        assertThat(stored.updatedAt()).isEqualTo(minutes(2));
    }

    @Test
    void aLeadIntakeWhoseCommitIsNotAcknowledgedIsWrittenOnceAndReportedCreated() {
        store.saveCampaign(StoreFixtures.campaign(CAMPAIGN));
        long version = store.configVersion();
        int connectionsBefore = dataSource.connectionsHandedOut();

        dataSource.loseNextCommitAcknowledgement();
        IntakeOutcome outcome = store.ingestLead(intake("lead_2"), version).orElseThrow();

        assertThat(dataSource.connectionsHandedOut() - connectionsBefore).as("run again on a fresh connection")
                .isEqualTo(2);
        assertCreatedOnce(outcome, "lead_2");
    }

    @Test
    void aBulkIntakeWhoseCommitIsNotAcknowledgedIsWrittenOnceAndReportedCreated() {
        store.saveCampaign(StoreFixtures.campaign(CAMPAIGN));
        long version = store.configVersion();

        dataSource.loseNextCommitAcknowledgement();
        List<IntakeOutcome> outcomes = store.ingestLeads(List.of(intake("lead_2"), intake("lead_3")), version);

        assertThat(outcomes).hasSize(2);
        assertCreatedOnce(outcomes.get(0), "lead_2");
        assertCreatedOnce(outcomes.get(1), "lead_3");
        assertThat(store.countCampaignLeads(CAMPAIGN)).isEqualTo(2);
    }

    @Test
    void aValueTheDatabaseRefusesIsNotRetriedAndNotTransient() {
        ContactAttempt dispatching = dispatching();
        // PostgreSQL text cannot hold NUL (SQLState 22021): every run would fail the same way
        ContactAttempt refused = Attempts.ended(dispatching, AttemptStatus.FAILED, "recording-email", "bad\u0000",
                minutes(1));
        int connectionsBefore = dataSource.connectionsHandedOut();

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> store.completeDispatches(List.of(new DispatchCompletion("engine_a", refused, true))));

        assertThat(e).hasMessageContaining("completeDispatches").hasMessageContaining("22021");
        assertThat(e.isTransient()).isFalse();
        assertThat(e.getCause()).as("statement text, no bound values").hasMessageContaining("UPDATE")
                .hasMessageNotContaining(dispatching.recipient()).hasMessageNotContaining("bad");
        assertThat(dataSource.connectionsHandedOut() - connectionsBefore).as("one run only").isEqualTo(1);
        assertThat(store.findAttempt(dispatching.id())).contains(dispatching);
    }

    /**
     * Completes {@code dispatching} as FAILED while a blocker holds the execution rows, terminates the
     * backend of the completion once it waits for them, lets it go on and returns its answer.
     */
    private boolean completeFailedWhileItsBackendIsKilled(ContactAttempt dispatching) throws Exception {
        ContactAttempt failed = dispatching.withStatus(AttemptStatus.FAILED, minutes(1));
        Future<Boolean> completing;
        try (Connection blocker = database.connect()) {
            blocker.setAutoCommit(false);
            // the completion updates the attempt first, then waits for the execution row
            try (Statement lock = blocker.createStatement()) {
                lock.executeQuery("SELECT id FROM " + database.table("rc_execution") + " FOR UPDATE").close();
            }
            completing = engine.submit(() -> store.completeDispatch(new DispatchCompletion("engine_a", failed, true)));
            BlockedBackends.terminateOne(blocker, completing);
            blocker.rollback();
        }
        return completing.get(60, TimeUnit.SECONDS);
    }

    /** The backend pids of {@code count} connections of the store's pool, held at once so they differ. */
    private Set<Integer> pooledBackends(int count) throws SQLException {
        List<Connection> held = new ArrayList<>();
        Set<Integer> pids = new HashSet<>();
        try {
            for (int i = 0; i < count; i++) {
                Connection connection = dataSource.getConnection();
                held.add(connection);
                try (Statement pid = connection.createStatement();
                        ResultSet rs = pid.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    pids.add(rs.getInt(1));
                }
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        return pids;
    }

    /** Those of {@code pids} whose backends still run. */
    private Set<Integer> alive(Set<Integer> pids) throws SQLException {
        Set<Integer> alive = new HashSet<>();
        try (Connection c = database.connect();
                PreparedStatement q = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE pid = ANY(?)")) {
            q.setArray(1, c.createArrayOf("integer", pids.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    alive.add(rs.getInt(1));
                }
            }
        }
        return alive;
    }

    /** An intake of a new lead {@code leadId} into {@link StoreFixtures#CAMPAIGN} and its sequence. */
    private static LeadIntake intake(String leadId) {
        return new LeadIntake(StoreFixtures.lead(leadId), List.of(new IntakeRoute(CAMPAIGN, Optional.empty(),
                Optional.of(new IntakeRoute.Sequence(SEQUENCE, Duration.ZERO, Duration.ofDays(30))))));
    }

    /** {@code outcome} reports {@code leadId} created, and it was stored, assigned, enrolled and moved once. */
    private void assertCreatedOnce(IntakeOutcome outcome, String leadId) {
        assertThat(outcome.created()).as("created by the first run, whose commit landed").isTrue();
        assertThat(outcome.lead()).isEqualTo(store.findLead(leadId).orElseThrow());
        assertThat(outcome.campaignIds()).containsExactly(CAMPAIGN);
        assertThat(outcome.enrollments()).isEqualTo(store.listEnrollments(EnrollmentQuery.ofLead(leadId),
                PageRequest.first(10)).items()).hasSize(1);
        assertThat(store.leadStatusChanges(leadId)).hasSize(1);
    }

    /** The enrollment's first step recorded and its attempt claimed for dispatch by engine_a. */
    private ContactAttempt dispatching() {
        SequenceEnrollment claimed = store.claimDueEnrollments(T0, 10, "engine_a", minutes(5)).get(0);
        store.recordStepOutcomes(List.of(StoreFixtures.executedStep(claimed, "engine_a", "att_1", T0)));
        return store.claimDispatchable(T0, 10, "engine_a", minutes(2)).get(0);
    }
}
