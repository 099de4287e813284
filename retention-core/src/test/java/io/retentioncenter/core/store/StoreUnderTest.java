package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadInsertResult;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.spi.RetentionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The store a contract test runs against, with helpers that set up common state through its API. */
public interface StoreUnderTest {

    /** The fresh, empty store of the running test. */
    RetentionStore store();

    /** Inserts {@code lead}, which must be new, and returns it as stored. */
    default Lead saved(Lead lead) {
        LeadInsertResult result = store().insertLeadIfAbsent(lead);
        assertThat(result.created()).as("lead %s created", lead.id()).isTrue();
        return result.lead();
    }

    /** Inserts {@link StoreFixtures#lead(String)}. */
    default Lead savedLead(String id) {
        return saved(StoreFixtures.lead(id));
    }

    /** Saves {@link StoreFixtures#CAMPAIGN} and its three-step {@link StoreFixtures#SEQUENCE}. */
    default void savedCampaignAndSequence() {
        store().saveCampaign(StoreFixtures.campaign(CAMPAIGN));
        store().saveSequence(StoreFixtures.sequence(SEQUENCE, CAMPAIGN, 3));
    }

    /** Enrolls {@code leadId} in {@link StoreFixtures#SEQUENCE} at {@link StoreFixtures#T0}, first step due at {@code due}. */
    default SequenceEnrollment enrolled(String enrollmentId, String leadId, Instant due) {
        EnrollResult result = store().enroll(StoreFixtures.enrollment(enrollmentId, SEQUENCE, leadId, T0, due),
                Duration.ZERO);
        assertThat(result.outcome()).as("enrollment %s", enrollmentId).isEqualTo(EnrollResult.Outcome.ENROLLED);
        return result.enrollment().orElseThrow();
    }

    /** Claims at {@code now} for {@code owner}, expecting exactly one enrollment, and returns it. */
    default SequenceEnrollment claimedOne(Instant now, String owner, Instant leaseUntil) {
        List<SequenceEnrollment> claimed = store().claimDueEnrollments(now, 10, owner, leaseUntil);
        assertThat(claimed).as("claimed by %s at %s", owner, now).hasSize(1);
        return claimed.get(0);
    }

    /** The stored enrollment with {@code id}. */
    default SequenceEnrollment enrollmentNow(String id) {
        return store().findEnrollment(id).orElseThrow();
    }

    /** The stored lead with {@code id}. */
    default Lead leadNow(String id) {
        return store().findLead(id).orElseThrow();
    }
}
