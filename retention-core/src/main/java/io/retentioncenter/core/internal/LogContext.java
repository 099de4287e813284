package io.retentioncenter.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Puts the ids of the lead, attempt and enrollment being handled into the slf4j MDC (keys
 * {@value #LEAD}, {@value #ATTEMPT}, {@value #ENROLLMENT}) for the duration of a try-with-resources
 * block, so that every log line of a dispatch or an inbound event names what it is about. Ids only:
 * never an address.
 */
public final class LogContext implements AutoCloseable {
    /** MDC key of the lead id. */
    public static final String LEAD = "rc.lead";
    /** MDC key of the attempt id. */
    public static final String ATTEMPT = "rc.attempt";
    /** MDC key of the enrollment id. */
    public static final String ENROLLMENT = "rc.enrollment";

    private final List<String> keys = new ArrayList<>(3);

    private LogContext() {
    }

    /** Sets the ids that are present; {@link #close()} removes them again. */
    public static LogContext of(Optional<String> leadId, Optional<String> attemptId, Optional<String> enrollmentId) {
        LogContext context = new LogContext();
        context.put(LEAD, leadId);
        context.put(ATTEMPT, attemptId);
        context.put(ENROLLMENT, enrollmentId);
        return context;
    }

    private void put(String key, Optional<String> value) {
        value.ifPresent(v -> {
            MDC.put(key, v);
            keys.add(key);
        });
    }

    /** Removes the keys this context set. */
    @Override
    public void close() {
        keys.forEach(MDC::remove);
    }
}
