package io.retentioncenter.learning.report;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Walks a report's records and fails on any null component or non-finite number. */
final class RecordChecks {
    private RecordChecks() {
    }

    static void assertClean(Object value) {
        walk(value, "report");
    }

    private static void walk(Object value, String path) {
        if (value == null) {
            throw new AssertionError(path + " is null");
        }
        if (value instanceof Double d && !Double.isFinite(d)) {
            throw new AssertionError(path + " is " + d);
        }
        if (value instanceof OptionalDouble o && o.isPresent()) {
            walk(o.getAsDouble(), path);
        } else if (value instanceof Optional<?> o) {
            o.ifPresent(v -> walk(v, path));
        } else if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                walk(item, path + "[" + i++ + "]");
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "[" + k + "]"));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    walk(component.getAccessor().invoke(value), path + "." + component.getName());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("cannot read " + path + "." + component.getName(), e);
                }
            }
        }
    }
}
