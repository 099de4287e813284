package io.retentioncenter.core.memory;

import io.retentioncenter.core.sequence.SequenceStepExecution;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Step executions by id, enrollment and attempt, ordered by execution time. Not thread-safe. */
final class ExecutionTable {
    private static final Comparator<SequenceStepExecution> IN_ORDER = Comparator
            .comparing(SequenceStepExecution::executedAt).thenComparing(SequenceStepExecution::id);

    private final Map<String, SequenceStepExecution> byId = new HashMap<>();
    private final IdGroups byEnrollment = new IdGroups();
    private final Map<String, String> byAttempt = new HashMap<>();
    private final TimeIndex executed = new TimeIndex();

    Optional<SequenceStepExecution> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Inserts or replaces an execution, keeping every index in step. */
    void put(SequenceStepExecution execution) {
        SequenceStepExecution old = byId.put(execution.id(), execution);
        if (old != null) {
            byEnrollment.remove(old.enrollmentId(), old.id());
            old.attemptId().ifPresent(a -> byAttempt.remove(a, old.id()));
            executed.remove(old.executedAt(), old.id());
        }
        byEnrollment.add(execution.enrollmentId(), execution.id());
        execution.attemptId().ifPresent(a -> byAttempt.put(a, execution.id()));
        executed.add(execution.executedAt(), execution.id());
    }

    /** Executions of an enrollment, in execution order. */
    List<SequenceStepExecution> ofEnrollment(String enrollmentId) {
        return byEnrollment.of(enrollmentId).stream().map(byId::get).sorted(IN_ORDER).toList();
    }

    /** The execution that created attempt {@code attemptId}. */
    Optional<SequenceStepExecution> ofAttempt(String attemptId) {
        return Optional.ofNullable(byAttempt.get(attemptId)).flatMap(this::find);
    }

    TimeIndex executedIndex() {
        return executed;
    }
}
