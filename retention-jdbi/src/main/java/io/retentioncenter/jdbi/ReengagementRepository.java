package io.retentioncenter.jdbi;

import io.retentioncenter.core.reengagement.ReengagementRule;
import io.retentioncenter.core.reengagement.ReengagementTrigger;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Instant;
import java.util.List;

/**
 * Re-engagement rules and the (lead, target sequence) pairs they moved; the pair's primary key lets
 * one caller only record a pair, however many engines try at once.
 */
final class ReengagementRepository {
    private static final String INSERT_RULE = "INSERT INTO <schema>rc_reengagement_rule (id, source_sequence_id,"
            + " trigger_kind, delay_after, target_sequence_id, created_at) VALUES (:id, :source, :trigger, :delay,"
            + " :target, :createdAt)";
    private static final String REPLACE_RULE = "UPDATE <schema>rc_reengagement_rule SET source_sequence_id = :source,"
            + " trigger_kind = :trigger, delay_after = :delay, target_sequence_id = :target, created_at = :createdAt"
            + " WHERE id = :id";
    private static final String LIST_RULES = "SELECT * FROM <schema>rc_reengagement_rule ORDER BY seq";
    private static final String DELETE_RULE = "DELETE FROM <schema>rc_reengagement_rule WHERE id = :id";
    private static final String MARK = "INSERT INTO <schema>rc_reengagement (lead_id, target_sequence_id, rule_id,"
            + " source_enrollment_id, marked_at) VALUES (:leadId, :target, :ruleId, :source, :at)";
    private static final String CANDIDATES = "SELECT e.* FROM <schema>rc_enrollment e"
            + " JOIN <schema>rc_lead l ON l.id = e.lead_id"
            + " WHERE e.sequence_id = :source AND <anchor>"
            + " AND l.status IN ('NEW', 'IN_PROGRESS', 'CONTACTED')"
            + " AND NOT EXISTS (SELECT 1 FROM <schema>rc_reengagement r"
            + " WHERE r.lead_id = e.lead_id AND r.target_sequence_id = :target)"
            + " ORDER BY <order>, e.id LIMIT :limit";

    private final Database db;

    ReengagementRepository(Database db) {
        this.db = db;
    }

    void save(ReengagementRule rule) {
        db.inTransaction("saveReengagementRule", Database.Retry.ON_CONFLICT_OR_DUPLICATE, h -> {
            if (bind(h.createUpdate(REPLACE_RULE), rule).execute() == 0) {
                bind(h.createUpdate(INSERT_RULE), rule).execute();
            }
            return null;
        });
    }

    private static org.jdbi.v3.core.statement.Update bind(org.jdbi.v3.core.statement.Update u, ReengagementRule r) {
        return u.bind("id", r.id()).bind("source", r.sourceSequenceId()).bind("trigger", r.trigger().name())
                .bind("delay", r.delay().toString()).bind("target", r.targetSequenceId())
                .bindByType("createdAt", r.createdAt(), Instant.class);
    }

    List<ReengagementRule> list() {
        return db.withHandle("listReengagementRules", h -> h.createQuery(LIST_RULES)
                .map((rs, ctx) -> new ReengagementRule(rs.getString("id"), rs.getString("source_sequence_id"),
                        Columns.enumValue(rs, "trigger_kind", ReengagementTrigger.class),
                        Columns.duration(rs, "delay_after"), rs.getString("target_sequence_id"),
                        Columns.instant(rs, "created_at")))
                .list());
    }

    boolean delete(String ruleId) {
        return db.withHandle("deleteReengagementRule",
                h -> h.createUpdate(DELETE_RULE).bind("id", ruleId).execute() == 1);
    }

    List<SequenceEnrollment> candidates(ReengagementRule rule, Instant anchoredAfter, Instant anchoredBy, int limit) {
        boolean completion = rule.trigger() == ReengagementTrigger.AFTER_COMPLETION;
        String sql = CANDIDATES
                .replace("<anchor>", completion
                        ? "e.status = 'COMPLETED' AND e.completed_at > :after AND e.completed_at <= :by"
                        : "e.enrolled_at > :after AND e.enrolled_at <= :by")
                .replace("<order>", completion ? "e.completed_at" : "e.enrolled_at");
        return db.withHandle("reengagementCandidates", h -> h.createQuery(sql)
                .bind("source", rule.sourceSequenceId())
                .bind("target", rule.targetSequenceId())
                .bindByType("after", anchoredAfter, Instant.class)
                .bindByType("by", anchoredBy, Instant.class)
                .bind("limit", limit)
                .mapTo(SequenceEnrollment.class)
                .list());
    }

    boolean mark(String leadId, String targetSequenceId, String ruleId, String sourceEnrollmentId, Instant at) {
        return db.withHandle("markReengaged", h -> db.dialect().insertIfAbsent(h, MARK, u -> u
                .bind("leadId", leadId).bind("target", targetSequenceId).bind("ruleId", ruleId)
                .bind("source", sourceEnrollmentId).bindByType("at", at, Instant.class)) == 1);
    }
}
