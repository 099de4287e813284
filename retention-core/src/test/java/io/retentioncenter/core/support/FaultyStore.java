package io.retentioncenter.core.support;

import io.retentioncenter.core.spi.RetentionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.BiFunction;

/**
 * A store wrapper that lets a test decide, per call, to throw instead of reaching the store, or
 * after it: the fault function sees the method and its arguments and returns the exception to throw,
 * or null.
 */
public final class FaultyStore {
    private FaultyStore() {
    }

    /** {@code delegate}, with {@code fault} consulted before every call. */
    public static RetentionStore wrap(RetentionStore delegate, BiFunction<Method, Object[], RuntimeException> fault) {
        return proxy(delegate, fault, (method, args) -> null);
    }

    /**
     * {@code delegate}, with {@code fault} consulted after every call that returned: the call took
     * effect, and its caller gets the exception instead of the answer, as when a connection drops
     * between a commit and its acknowledgement.
     */
    public static RetentionStore answerLost(RetentionStore delegate,
            BiFunction<Method, Object[], RuntimeException> fault) {
        return proxy(delegate, (method, args) -> null, fault);
    }

    private static RetentionStore proxy(RetentionStore delegate, BiFunction<Method, Object[], RuntimeException> before,
            BiFunction<Method, Object[], RuntimeException> after) {
        return (RetentionStore) Proxy.newProxyInstance(RetentionStore.class.getClassLoader(),
                new Class<?>[] {RetentionStore.class}, (proxy, method, args) -> {
                    Object[] arguments = args == null ? new Object[0] : args;
                    RuntimeException refused = before.apply(method, arguments);
                    if (refused != null) {
                        throw refused;
                    }
                    Object result;
                    try {
                        result = method.invoke(delegate, args);
                    } catch (InvocationTargetException ite) {
                        throw ite.getCause();
                    }
                    RuntimeException lost = after.apply(method, arguments);
                    if (lost != null) {
                        throw lost;
                    }
                    return result;
                });
    }
}
