package io.retentioncenter.core.sequence;

import io.retentioncenter.core.spi.RetentionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Random;
import java.util.Set;

/**
 * A store wrapper that simulates a process crash around the tick's store calls: with probability
 * {@code p} a call throws {@link SimulatedCrash} either before reaching the store (the write never
 * happened) or after it (the write happened, the engine never heard back).
 */
final class CrashingStore {
    private static final Set<String> CRASHABLE = Set.of("claimDueEnrollments", "recordStepOutcomes",
            "claimDispatchable", "claimStaleDispatches", "completeDispatch", "findLeads", "tryReserveRate",
            "attemptsOfEnrollments", "findEnrollment");

    /**
     * The simulated crash: an {@link Error}, like the death of the process, so that nothing in the
     * engine handles it (the engine isolates failing enrollments on exceptions, not on errors).
     */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    private CrashingStore() {
    }

    static RetentionStore wrap(RetentionStore delegate, Random random, double p) {
        return (RetentionStore) Proxy.newProxyInstance(RetentionStore.class.getClassLoader(),
                new Class<?>[] {RetentionStore.class}, (proxy, method, args) -> {
                    boolean crashable = CRASHABLE.contains(method.getName());
                    if (crashable && random.nextDouble() < p / 2) {
                        throw new SimulatedCrash("before " + method.getName());
                    }
                    Object result;
                    try {
                        result = method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (crashable && random.nextDouble() < p / 2) {
                        throw new SimulatedCrash("after " + method.getName());
                    }
                    return result;
                });
    }
}
