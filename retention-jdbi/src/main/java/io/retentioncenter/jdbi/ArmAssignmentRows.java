package io.retentioncenter.jdbi;

import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmAssignment;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.Variant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Table {@code rc_arm_assignment}: the timing-test arm of each lead, one row per test and lead (the
 * primary key). Rows are inserted only with the step outcomes that drew them; an arm stored already
 * is kept, and a concurrent insert of the same key fails the transaction, whose rerun then sees it.
 */
final class ArmAssignmentRows {
    private static final String COLUMNS = "test_id, lead_id, campaign_id, enrollment_id, variant, assigned_at";
    private static final String FIND = "SELECT " + COLUMNS + " FROM <schema>rc_arm_assignment"
            + " WHERE test_id = :testId AND lead_id = :leadId";
    private static final String STORED_LEADS = "SELECT lead_id FROM <schema>rc_arm_assignment"
            + " WHERE test_id = :testId AND lead_id = ANY(:leadIds)";
    /** A lead's conversion per campaign is unique, so the join adds at most one row per assignment. */
    private static final String COUNTS = "SELECT a.variant, COUNT(*) AS exposed, COUNT(c.lead_id) AS converted"
            + " FROM <schema>rc_arm_assignment a LEFT JOIN <schema>rc_conversion c ON c.lead_id = a.lead_id"
            + " AND c.campaign_id = a.campaign_id AND c.status = 'SALE' AND c.occurred_at >= a.assigned_at"
            + " WHERE a.test_id = :testId GROUP BY a.variant";
    private static final BulkRows BULK = BulkRows.of("<schema>rc_arm_assignment", "test_id:TEXT", "lead_id:TEXT",
            "campaign_id:TEXT", "enrollment_id:TEXT", "variant:TEXT", "assigned_at:TIME");

    private ArmAssignmentRows() {
    }

    /** The stored arm of {@code leadId} in {@code testId}. */
    static Optional<ArmAssignment> find(Handle handle, String testId, String leadId) {
        return handle.createQuery(FIND).bind("testId", testId).bind("leadId", leadId)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    /** Inserts the assignments whose test has no arm for the lead yet (the first of a batch wins). */
    static void insertAbsent(Handle handle, Dialect dialect, List<ArmAssignment> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        Set<String> taken = new HashSet<>();
        assignments.stream().collect(Collectors.groupingBy(ArmAssignment::testId)).forEach((testId, ofTest) ->
                handle.createQuery(STORED_LEADS).bind("testId", testId)
                        .bind("leadIds", ofTest.stream().map(ArmAssignment::leadId).distinct().toArray(String[]::new))
                        .mapTo(String.class).forEach(leadId -> taken.add(testId + "\n" + leadId)));
        BULK.insert(handle, dialect, assignments.stream().filter(a -> taken.add(a.testId() + "\n" + a.leadId()))
                .map(a -> new Object[] {a.testId(), a.leadId(), a.campaignId(), a.enrollmentId(), a.variant(),
                    a.assignedAt()}).toList());
    }

    /**
     * Per arm of timing test {@code test}, every variant listed: assigned leads, and those with a
     * SALE in the assignment's campaign that occurred at or after the assignment.
     */
    static Map<String, ArmCounts> counts(Handle handle, AbTest test) {
        Map<String, ArmCounts> counts = new LinkedHashMap<>();
        test.variants().stream().map(Variant::name).forEach(name -> counts.put(name, new ArmCounts(0, 0)));
        handle.createQuery(COUNTS).bind("testId", test.id())
                .map((rs, ctx) -> Map.entry(rs.getString("variant"),
                        new ArmCounts(rs.getLong("exposed"), rs.getLong("converted"))))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    private static ArmAssignment map(ResultSet rs) throws SQLException {
        return new ArmAssignment(rs.getString("test_id"), rs.getString("lead_id"), rs.getString("campaign_id"),
                rs.getString("enrollment_id"), rs.getString("variant"), Columns.instant(rs, "assigned_at"));
    }
}
