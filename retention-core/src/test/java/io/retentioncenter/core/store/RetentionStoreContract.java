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
 * <p>The tests come from the feature contracts this class implements; all of them use
 * {@link StoreFixtures} (millisecond-precision instants only) and stay fast on an in-memory store.
 * Rules the kit pins down where the interface leaves room are stated in each contract's Javadoc.
 */
public abstract class RetentionStoreContract implements LeadContract, CampaignContract, EnrollmentContract,
        StepOutcomeContract, OutboxContract, ConversionContract, ScanContract, InputValidationContract,
        OperatorQueueContract {

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
