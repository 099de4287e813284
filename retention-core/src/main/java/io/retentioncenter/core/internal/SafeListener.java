package io.retentioncenter.core.internal;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.EngineListener;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the host's {@link EngineListener}s in order, each on its own: an exception one of them throws
 * is logged, never propagated, and never keeps the others from being called.
 */
public final class SafeListener implements EngineListener {
    private static final Logger log = LoggerFactory.getLogger(SafeListener.class);
    private final List<EngineListener> delegates;

    /** Wraps {@code delegates}. */
    public SafeListener(List<EngineListener> delegates) {
        this.delegates = List.copyOf(delegates);
    }

    private void call(String what, Consumer<EngineListener> call) {
        for (EngineListener delegate : delegates) {
            try {
                call.accept(delegate);
            } catch (RuntimeException e) {
                log.warn("EngineListener.{} threw; ignored", what, e);
            }
        }
    }

    @Override
    public void tickCompleted(TickResult result, Duration took) {
        call("tickCompleted", l -> l.tickCompleted(result, took));
    }

    @Override
    public void leadCreated(Lead lead) {
        call("leadCreated", l -> l.leadCreated(lead));
    }

    @Override
    public void enrolled(SequenceEnrollment enrollment) {
        call("enrolled", l -> l.enrolled(enrollment));
    }

    @Override
    public void stepProcessed(SequenceStepExecution execution) {
        call("stepProcessed", l -> l.stepProcessed(execution));
    }

    @Override
    public void attemptDispatched(ContactAttempt attempt) {
        call("attemptDispatched", l -> l.attemptDispatched(attempt));
    }

    @Override
    public void attemptOutcomeUnknown(ContactAttempt attempt) {
        call("attemptOutcomeUnknown", l -> l.attemptOutcomeUnknown(attempt));
    }

    @Override
    public void enrollmentSetAside(SequenceEnrollment enrollment, String error) {
        call("enrollmentSetAside", l -> l.enrollmentSetAside(enrollment, error));
    }

    @Override
    public void converted(Conversion conversion) {
        call("converted", l -> l.converted(conversion));
    }

    @Override
    public void error(String where, Throwable error) {
        log.warn("engine error in {}", where, error);
        call("error", l -> l.error(where, error));
    }
}
