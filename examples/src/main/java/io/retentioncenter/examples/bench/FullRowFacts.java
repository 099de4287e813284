package io.retentioncenter.examples.bench;

import io.retentioncenter.core.spi.FactSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * A view of a store whose narrow fact scans fall back to the interface's defaults, which map whole
 * rows: how the Learning report read the store before the projection, for comparison.
 */
final class FullRowFacts {
    private static final Set<String> FACT_SCANS = Set.of("scanAttemptFacts", "scanEnrollmentFacts", "scanExecutionFacts",
            "scanLeadFacts");

    private FullRowFacts() {
    }

    /** {@code store} with its fact scans answered by the full scans. */
    static FactSource of(FactSource store) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (FACT_SCANS.contains(method.getName())) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (FactSource) Proxy.newProxyInstance(FactSource.class.getClassLoader(), new Class<?>[] {FactSource.class},
                handler);
    }
}
