package io.retentioncenter.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngineBuilder;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.support.FaultyStore;
import io.retentioncenter.core.support.TestEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Group commit of concurrent single-lead ingests through the engine on a given store: a leader's
 * intake is held before it reaches the store, other ingests queue up behind it, and once it is
 * released they are written by one store call, each caller getting exactly what it would have got
 * alone. Deterministic: the test waits until each follower is parked in the group commit's queue
 * (no sleeps, no clock); the timeout only guards against a hang.
 */
@Timeout(120)
public abstract class GroupCommitContract {
    private static final String LEADER = "leader@example.com";
    private static final String BAD = "refused@example.com";

    private HeldIntakeStore held;
    private TestEngine t;
    private Campaign everything;

    /** A fresh, empty store. */
    protected abstract RetentionStore newStore();

    /**
     * {@code store}, failing every intake of a lead with {@code email} with a {@link StoreException}
     * and writing nothing of the call it was in. This default refuses such calls before they reach the
     * store; a database store may override it to fail inside its transaction instead.
     */
    protected RetentionStore refusing(RetentionStore store, String email) {
        return FaultyStore.wrap(store, (method, args) -> {
            boolean intake = method.getName().equals("ingestLead") && refuses((LeadIntake) args[0], email)
                    || method.getName().equals("ingestLeads") && ((List<?>) args[0]).stream()
                            .anyMatch(i -> refuses((LeadIntake) i, email));
            return intake ? new StoreException("refused by the test") : null;
        });
    }

    private static boolean refuses(LeadIntake intake, String email) {
        return intake.candidate().email().filter(email::equals).isPresent();
    }

    /** An engine on {@code store} (held at the leader's intake), a campaign for all leads, a first lead in. */
    private void start(RetentionStore store, UnaryOperator<RetentionEngineBuilder> custom) {
        held = HeldIntakeStore.of(store, LEADER);
        t = TestEngine.on(held.store(), custom);
        everything = t.engine.campaigns().create(NewCampaign.builder("everyone")
                .autoAssign(AutoAssignRule.everything()).build());
        // plans the campaign's one-shot sequence and loads the engine's configuration cache
        assertThat(ingest("first@example.com", LeadSource.API).created()).isTrue();
    }

    private void start() {
        start(newStore(), UnaryOperator.identity());
    }

    private IngestResult ingest(String email, LeadSource source) {
        return t.engine.leads().ingest(NewLead.builder(source).email(email).build());
    }

    /** Starts the leader's ingest and waits until it is held with its batch in flight. */
    private Caller leaderHeld() throws InterruptedException {
        Caller leader = Caller.start(() -> ingest(LEADER, LeadSource.API));
        held.awaitHeld();
        return leader;
    }

    /** Starts one ingest per email and waits until each is queued behind the batch in flight. */
    private List<Caller> queued(List<String> emails, LeadSource source) {
        List<Caller> callers = emails.stream().map(email -> Caller.start(() -> ingest(email, source))).toList();
        callers.forEach(Caller::awaitQueued);
        return callers;
    }

    private static List<String> emails(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i + "@example.com").toList();
    }

    private long storedLeads() {
        return t.store.listLeads(PageRequest.first(1)).total();
    }

    /**
     * Queues one ingest per email behind the held leader, releases it, and checks that the queued
     * ingests went to the store as one batch and then, that batch having failed, each alone once.
     */
    private List<Caller> writtenAloneAfterTheirBatchFailed(List<String> emails) throws Exception {
        Caller leader = leaderHeld();
        List<Caller> followers = queued(emails, LeadSource.API);

        held.release();

        assertThat(leader.result().created()).isTrue();
        Caller.awaitAll(followers);
        assertThat(held.batches()).singleElement().satisfies(batch ->
                assertThat(batch.emails()).hasSize(emails.size()));
        emails.forEach(email -> assertThat(held.singlesOf(email)).as("%s written alone after the batch failed",
                email).isEqualTo(1));
        return followers;
    }

    @Test
    void aLoneIngestIsWrittenAtOnceByItself() {
        start();
        int before = held.calls().size();

        assertThat(ingest("lone@example.com", LeadSource.API).created()).isTrue();

        assertThat(held.calls()).hasSize(before + 1).last().isEqualTo(HeldIntakeStore.IntakeCall.single("lone@example.com"));
    }

    @Test
    void ingestsQueuedBehindABatchAreWrittenByOneStoreCallAndEachGetsItsOwnResult() throws Exception {
        start();
        Caller leader = leaderHeld();
        List<String> emails = emails("follower", 6);
        List<Caller> followers = queued(emails, LeadSource.API);

        held.release();

        assertThat(leader.result().created()).isTrue();
        Caller.awaitAll(followers);
        assertThat(held.batches()).singleElement().satisfies(batch ->
                assertThat(batch.emails()).containsExactlyInAnyOrderElementsOf(emails));
        for (int i = 0; i < followers.size(); i++) {
            IngestResult r = followers.get(i).result();
            assertThat(r.created()).isTrue();
            assertThat(r.lead().email()).contains(emails.get(i));
            assertThat(t.store.findLead(r.lead().id())).contains(r.lead());
            assertThat(r.campaignIds()).containsExactly(everything.id());
            assertThat(r.enrollmentIds()).singleElement().satisfies(id ->
                    assertThat(t.store.findEnrollment(id).orElseThrow().leadId()).isEqualTo(r.lead().id()));
        }
        assertThat(storedLeads()).isEqualTo(8);
        assertThat(t.store.countCampaignLeads(everything.id())).isEqualTo(8);
    }

    @Test
    void theSamePersonFromEightThreadsInOneBatchIsOneLead() throws Exception {
        start();
        Caller leader = leaderHeld();
        List<String> spellings = IntStream.range(0, 8).mapToObj(i -> i % 2 == 0 ? "same@example.com" : "Same@Example.COM ")
                .toList();
        List<Caller> followers = queued(spellings, LeadSource.API);

        held.release();

        leader.result();
        List<IngestResult> results = new ArrayList<>();
        for (Caller follower : followers) {
            results.add(follower.result());
        }
        assertThat(held.batches()).singleElement().satisfies(batch -> assertThat(batch.emails()).hasSize(8));
        assertThat(results).filteredOn(IngestResult::created).singleElement().satisfies(created -> {
            assertThat(created.enrollmentIds()).hasSize(1);
            assertThat(created.campaignIds()).containsExactly(everything.id());
        });
        assertThat(results).filteredOn(r -> !r.created()).hasSize(7).allSatisfy(duplicate -> {
            assertThat(duplicate.enrollmentIds()).isEmpty();
            assertThat(duplicate.campaignIds()).isEmpty();
        });
        assertThat(results).extracting(r -> r.lead().id()).containsOnly(results.get(0).lead().id());
        assertThat(storedLeads()).isEqualTo(3);
        assertThat(t.store.countCampaignLeads(everything.id())).isEqualTo(3);
    }

    @Test
    void aCampaignCapHoldsExactlyInsideABatch() throws Exception {
        start();
        Campaign capped = t.engine.campaigns().create(NewCampaign.builder("four at most")
                .autoAssign(AutoAssignRule.sources(Set.of(LeadSource.MANUAL), 4)).build());
        assertThat(ingest("manual@example.com", LeadSource.MANUAL).campaignIds()).contains(capped.id());
        Caller leader = leaderHeld();
        List<Caller> followers = queued(emails("capped", 6), LeadSource.MANUAL);

        held.release();

        leader.result();
        List<IngestResult> results = new ArrayList<>();
        for (Caller follower : followers) {
            results.add(follower.result());
        }
        assertThat(held.batches()).singleElement().satisfies(batch -> assertThat(batch.emails()).hasSize(6));
        assertThat(results).allMatch(IngestResult::created).allMatch(r -> r.campaignIds().contains(everything.id()));
        assertThat(results).filteredOn(r -> r.campaignIds().contains(capped.id())).hasSize(3);
        assertThat(t.store.countCampaignLeads(capped.id())).isEqualTo(4);
    }

    @Test
    void aLeadThatFailsInsideABatchGetsTheOnlyExceptionAndEveryOtherLeadIsStoredOnce() throws Exception {
        start(refusing(newStore(), BAD), UnaryOperator.identity());
        List<String> emails = new ArrayList<>(emails("good", 5));
        emails.add(2, BAD);
        List<Caller> followers = writtenAloneAfterTheirBatchFailed(emails);

        for (int i = 0; i < followers.size(); i++) {
            String email = emails.get(i);
            if (email.equals(BAD)) {
                assertThatThrownBy(followers.get(i)::result).isInstanceOf(StoreException.class);
            } else {
                IngestResult r = followers.get(i).result();
                assertThat(r.created()).as("%s created (the failed batch wrote nothing)", email).isTrue();
                assertThat(r.lead().email()).contains(email);
                assertThat(r.enrollmentIds()).hasSize(1);
            }
        }
        assertThat(storedLeads()).isEqualTo(7);
    }

    @Test
    void aBatchWhoseCommitLandedUnacknowledgedIsReportedAsCreatedAndWrittenOnce() throws Exception {
        start(FaultyStore.answerLost(newStore(), (method, args) -> method.getName().equals("ingestLeads")
                ? new StoreException("connection lost before the commit was acknowledged") : null),
                UnaryOperator.identity());
        List<String> emails = emails("unacknowledged", 4);
        List<Caller> followers = writtenAloneAfterTheirBatchFailed(emails);

        for (int i = 0; i < followers.size(); i++) {
            String email = emails.get(i);
            IngestResult r = followers.get(i).result();
            assertThat(r.created()).as("%s created by the batch whose answer was lost", email).isTrue();
            assertThat(r.lead().email()).contains(email);
            assertThat(r.campaignIds()).containsExactly(everything.id());
            assertThat(r.enrollmentIds()).containsExactlyElementsOf(t.store.listEnrollments(
                    EnrollmentQuery.ofLead(r.lead().id()), PageRequest.first(10)).items().stream()
                    .map(SequenceEnrollment::id).toList()).hasSize(1);
        }
        assertThat(storedLeads()).isEqualTo(6);
        assertThat(t.store.countCampaignLeads(everything.id())).isEqualTo(6);
    }

    @Test
    void ingestsQueuedWhileTheConfigurationChangesArePlannedAgainOnTheNewOne() throws Exception {
        start();
        Caller leader = leaderHeld();
        List<Caller> followers = queued(emails("replanned", 4), LeadSource.API);
        Campaign later = t.engine.campaigns().create(NewCampaign.builder("later")
                .autoAssign(AutoAssignRule.everything()).build());
        t.engine.sequences().activate(t.engine.sequences().create(NewSequence.builder("later").campaign(later.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).build()).id());

        held.release();

        assertThat(leader.result().campaignIds()).containsExactlyInAnyOrder(everything.id(), later.id());
        Caller.awaitAll(followers);
        assertThat(held.batches().get(0).emails()).as("the batch planned on the old configuration").hasSize(4);
        for (Caller follower : followers) {
            IngestResult r = follower.result();
            assertThat(r.created()).isTrue();
            assertThat(r.campaignIds()).containsExactlyInAnyOrder(everything.id(), later.id());
            assertThat(r.enrollmentIds()).hasSize(2);
        }
        assertThat(storedLeads()).isEqualTo(6);
    }

    @Test
    void anInterruptedFollowerStillGetsItsResultAndKeepsItsInterrupt() throws Exception {
        start();
        Caller leader = leaderHeld();
        AtomicBoolean interrupted = new AtomicBoolean();
        Caller follower = Caller.start(() -> {
            IngestResult r = ingest("interrupted@example.com", LeadSource.API);
            interrupted.set(Thread.currentThread().isInterrupted());
            return r;
        });
        follower.awaitQueued();
        follower.thread.interrupt();

        held.release();

        leader.result();
        assertThat(follower.result().created()).isTrue();
        assertThat(interrupted).isTrue();
        assertThat(t.store.findLead(follower.result().lead().id())).isPresent();
    }

    @Test
    void withoutGroupCommitEachIngestIsWrittenAloneAndWaitsForNoOther() throws Exception {
        start(newStore(), RetentionEngineBuilder::noIngestGroupCommit);
        Caller leader = leaderHeld();
        List<String> emails = emails("alone", 3);
        List<Caller> others = emails.stream().map(email -> Caller.start(() -> ingest(email, LeadSource.API))).toList();

        for (Caller other : others) {
            assertThat(other.result().created()).isTrue();
        }
        held.release();

        assertThat(leader.result().created()).isTrue();
        assertThat(held.batches()).isEmpty();
        emails.forEach(email -> assertThat(held.singlesOf(email)).isEqualTo(1));
    }

    /** An ingest on a thread of its own. */
    private static final class Caller {
        private final FutureTask<IngestResult> task;
        private final Thread thread;

        private Caller(Supplier<IngestResult> work) {
            this.task = new FutureTask<>(work::get);
            this.thread = new Thread(task, "ingest");
        }

        static Caller start(Supplier<IngestResult> work) {
            Caller caller = new Caller(work);
            caller.thread.start();
            return caller;
        }

        /** Waits until every ingest of {@code callers} has returned or thrown. */
        static void awaitAll(List<Caller> callers) throws InterruptedException {
            for (Caller caller : callers) {
                try {
                    caller.task.get();
                } catch (ExecutionException failed) {
                    // its result() rethrows it
                }
            }
        }

        /** Its result, or the exception its ingest threw. */
        IngestResult result() throws Exception {
            try {
                return task.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        /** Waits until the thread is parked in the group commit's queue, behind a batch in flight. */
        void awaitQueued() {
            while (!queued()) {
                assertThat(task.isDone()).as("ingest finished instead of queueing").isFalse();
                Thread.yield();
            }
        }

        private boolean queued() {
            return thread.getState() == Thread.State.WAITING
                    && LockSupport.getBlocker(thread) instanceof AbstractQueuedSynchronizer.ConditionObject
                    && Arrays.stream(thread.getStackTrace()).anyMatch(frame ->
                            frame.getClassName().equals(IntakeGroupCommit.class.getName())
                                    && frame.getMethodName().equals("awaitTurn"));
        }
    }
}
