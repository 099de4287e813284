package io.retentioncenter.core.store;

import io.retentioncenter.core.spi.RetentionStore;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract test kit of {@link RetentionStore}: every promise of every unit of work, threads
 * included. A store implementation proves itself by extending this class:
 *
 * <pre>{@code
 * class JdbiRetentionStoreH2Test extends RetentionStoreContract {
 *     protected RetentionStore newStore() { return storeOnAnEmptyDatabase(); }
 * }
 * }</pre>
 *
 * <p>The tests come from one contract interface per role of the SPI: {@link LeadContract}
 * ({@code LeadStore}), {@link CampaignContract} ({@code ConfigurationStore} and campaign membership),
 * {@link EnrollmentContract} and {@link StepOutcomeContract} ({@code EnrollmentStore} and the tick),
 * {@link OutboxContract} ({@code OutboxStore}), {@link ConversionContract} ({@code ConversionStore}),
 * {@link ScanContract} and {@link FactProjectionContract} ({@code FactSource}),
 * {@link OperatorQueueContract} (unknown attempts,
 * set-aside enrollments, {@code HousekeepingStore}), {@link CampaignMembersContract}
 * ({@code CampaignMembersStore}), {@link ConversionReviewContract} ({@code ConversionReviewStore}),
 * {@link OperatorConfigurationContract} (descriptions, {@code ConfigurationRemovals}),
 * {@link OutreachContract} ({@code OutreachStore}, {@code ReengagementStore}),
 * {@link LeadDirectoryContract} ({@code LeadDirectory}), {@link DashboardReadsContract}
 * ({@code DashboardReads}), {@link ArmAssignmentContract} ({@code ArmAssignmentStore}, timing tests)
 * and {@link InputValidationContract}. Where stores
 * legitimately differ, a test checks a capability flag of the store first (for example
 * {@code concurrentClaims()}) and is skipped when the store does not claim it. All of them use
 * {@link StoreFixtures} (millisecond-precision instants only) and stay fast on an in-memory store.
 * Rules the kit pins down where the interface leaves room are stated in each contract's Javadoc.
 */
public abstract class RetentionStoreContract implements LeadContract, LeadIntakeContract, LeasedStepContract,
        CampaignContract, EnrollmentContract,
        StepOutcomeContract, OutboxContract, ConversionContract, ScanContract, FactProjectionContract,
        InputValidationContract,
        OperatorQueueContract, CampaignMembersContract, ConversionReviewContract, OperatorConfigurationContract,
        OutreachContract, LeadDirectoryContract, DashboardReadsContract, ArmAssignmentContract {

    private RetentionStore store;

    /** A fresh, empty store; called before every test. */
    protected abstract RetentionStore newStore();

    /** Gives every test its own fresh store. */
    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    @Override
    public RetentionStore store() {
        return store;
    }
}
