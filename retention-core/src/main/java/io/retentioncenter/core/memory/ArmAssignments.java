package io.retentioncenter.core.memory;

import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmAssignment;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.Variant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Timing-test arms by test and lead, the first stored kept; not thread-safe (the store locks). */
final class ArmAssignments {
    private final Map<String, Map<String, ArmAssignment>> byTest = new HashMap<>();

    /** Stores {@code assignment} unless its test already has an arm for the lead. */
    void addIfAbsent(ArmAssignment assignment) {
        byTest.computeIfAbsent(assignment.testId(), k -> new LinkedHashMap<>())
                .putIfAbsent(assignment.leadId(), assignment);
    }

    Optional<ArmAssignment> find(String testId, String leadId) {
        return Optional.ofNullable(byTest.getOrDefault(testId, Map.of()).get(leadId));
    }

    /**
     * Per arm of {@code test} (every variant listed): assigned leads, and those with a SALE in the
     * assignment's campaign that occurred at or after the assignment.
     */
    Map<String, ArmCounts> counts(AbTest test, ConversionBook conversions) {
        Collection<ArmAssignment> assigned = byTest.getOrDefault(test.id(), Map.of()).values();
        Map<String, ArmCounts> counts = new LinkedHashMap<>();
        for (String arm : test.variants().stream().map(Variant::name).toList()) {
            List<ArmAssignment> inArm = assigned.stream().filter(a -> a.variant().equals(arm)).toList();
            long converted = inArm.stream().filter(a -> conversions.find(a.leadId(), a.campaignId())
                    .filter(c -> c.status() == ConversionStatus.SALE && !c.occurredAt().isBefore(a.assignedAt()))
                    .isPresent()).count();
            counts.put(arm, new ArmCounts(inArm.size(), converted));
        }
        return counts;
    }
}
