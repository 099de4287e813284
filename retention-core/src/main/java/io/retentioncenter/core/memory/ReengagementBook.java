package io.retentioncenter.core.memory;

import io.retentioncenter.core.reengagement.ReengagementRule;
import io.retentioncenter.core.reengagement.ReengagementTrigger;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Re-engagement rules in save order and the (lead, target sequence) pairs already moved. Not
 * thread-safe: the store calls it under its lock.
 */
final class ReengagementBook {
    private final Map<String, ReengagementRule> rules = new LinkedHashMap<>();
    private final Set<String> moved = new HashSet<>();

    void save(ReengagementRule rule) {
        rules.put(rule.id(), rule);
    }

    List<ReengagementRule> rules() {
        return List.copyOf(rules.values());
    }

    boolean delete(String ruleId) {
        return rules.remove(ruleId) != null;
    }

    /** Records the pair; false when it was recorded before. */
    boolean mark(String leadId, String targetSequenceId) {
        return moved.add(leadId + "\n" + targetSequenceId);
    }

    /** The source enrollments the rule may move now, as the store contract orders them. */
    List<SequenceEnrollment> candidates(ReengagementRule rule, List<SequenceEnrollment> ofSource,
            Instant anchoredAfter, Instant anchoredBy, Predicate<String> contactableLead, int limit) {
        List<SequenceEnrollment> due = new ArrayList<>();
        for (SequenceEnrollment e : ofSource) {
            Optional<Instant> anchor = anchor(rule, e);
            if (anchor.isPresent() && anchor.get().isAfter(anchoredAfter) && !anchor.get().isAfter(anchoredBy)
                    && contactableLead.test(e.leadId())
                    && !moved.contains(e.leadId() + "\n" + rule.targetSequenceId())) {
                due.add(e);
            }
        }
        due.sort(Comparator.comparing((SequenceEnrollment e) -> anchor(rule, e).orElseThrow())
                .thenComparing(SequenceEnrollment::id));
        return List.copyOf(due.subList(0, Math.min(limit, due.size())));
    }

    private static Optional<Instant> anchor(ReengagementRule rule, SequenceEnrollment e) {
        if (rule.trigger() == ReengagementTrigger.AFTER_ENROLLMENT) {
            return Optional.of(e.enrolledAt());
        }
        return e.status() == EnrollmentStatus.COMPLETED ? e.completedAt() : Optional.empty();
    }
}
