package io.retentioncenter.core.spi;

/**
 * Persistence, shaped as the engine's atomic units of work and split by role: {@link LeadStore},
 * {@link ConfigurationStore}, {@link EnrollmentStore} (with the tick's claims and step outcomes),
 * {@link OutboxStore}, {@link ConversionStore}, {@link FactSource} (the read-only facts that
 * analytics needs), {@link HousekeepingStore}, {@link OutreachStore} (test sends, pacing),
 * {@link ReengagementStore}, {@link ArmAssignmentStore} and the operator's pages: {@link CampaignMembersStore},
 * {@link ConversionReviewStore}, {@link ConfigurationRemovals}, {@link LeadDirectory} and
 * {@link DashboardReads}. A store implements them all; a component that needs
 * only one role (retention-learning reads a {@link FactSource}) depends on that role alone.
 *
 * <p>Every method is safe to call from many threads and, for shared databases, from many engine
 * instances at once; each method's Javadoc states what it does atomically. Failures of the
 * underlying storage surface as {@link io.retentioncenter.core.StoreException}; a method that throws
 * has changed nothing. The contract test kit in core's test-jar checks every promise, threads
 * included, role by role.
 */
public interface RetentionStore extends LeadStore, LeadIntakeStore, ConfigurationStore, EnrollmentStore,
        LeasedStepStore, OutboxStore, ConversionStore, FactSource, HousekeepingStore, CampaignMembersStore,
        ConversionReviewStore, ConfigurationRemovals, OutreachStore, ReengagementStore, LeadDirectory,
        DashboardReads, ArmAssignmentStore {

    /**
     * Whether several engine instances may claim from this store at once with the claims spread
     * over them (true for shared databases that lock rows, such as PostgreSQL; false for a store
     * whose claims serialise, such as H2, which suits one engine). Exactly-once holds either way.
     */
    default boolean concurrentClaims() {
        return true;
    }
}
