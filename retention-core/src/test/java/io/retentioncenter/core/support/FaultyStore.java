package io.retentioncenter.core.support;

import io.retentioncenter.core.spi.RetentionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.BiFunction;

/**
 * A store wrapper that lets a test decide, per call, to throw instead of reaching the store: the
 * fault function sees the method and its arguments and returns the exception to throw, or null.
 */
public final class FaultyStore {
    private FaultyStore() {
    }

    /** {@code delegate}, with {@code fault} consulted before every call. */
    public static RetentionStore wrap(RetentionStore delegate, BiFunction<Method, Object[], RuntimeException> fault) {
        return (RetentionStore) Proxy.newProxyInstance(RetentionStore.class.getClassLoader(),
                new Class<?>[] {RetentionStore.class}, (proxy, method, args) -> {
                    RuntimeException e = fault.apply(method, args == null ? new Object[0] : args);
                    if (e != null) {
                        throw e;
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException ite) {
                        throw ite.getCause();
                    }
                });
    }
}
