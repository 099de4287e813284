package io.retentioncenter.jdbi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.sequence.DelayAnchor;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceStatus;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.sequence.StepCondition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code rc_sequence}: insert and replace statements, parameters and the row mapper; steps are JSON. */
final class SequenceRows {
    /** Inserts a whole sequence. */
    static final String INSERT = "INSERT INTO <schema>rc_sequence (id, name, status, campaign_id, reenroll_cooldown,"
            + " steps, one_shot, created_at, updated_at, description) VALUES (:id, :name, :status, :campaignId,"
            + " :reenrollCooldown, :steps, :oneShot, :createdAt, :updatedAt, :description)";
    /** Replaces every column of a stored sequence. */
    static final String REPLACE = "UPDATE <schema>rc_sequence SET name = :name, status = :status,"
            + " campaign_id = :campaignId, reenroll_cooldown = :reenrollCooldown, steps = :steps,"
            + " one_shot = :oneShot, created_at = :createdAt, updated_at = :updatedAt, description = :description"
            + " WHERE id = :id";

    private SequenceRows() {
    }

    /** Binds {@code sequence} to the named parameters of {@link #INSERT} and {@link #REPLACE}. */
    static <S extends SqlStatement<S>> S bind(S statement, RetentionSequence sequence) {
        ArrayNode steps = Json.array();
        sequence.steps().forEach(step -> steps.add(stepJson(step)));
        return statement.bind("id", sequence.id())
                .bind("name", sequence.name())
                .bind("status", sequence.status().name())
                .bind("campaignId", sequence.campaignId().orElse(null))
                .bind("reenrollCooldown", sequence.reenrollCooldown().toString())
                .bind("steps", Json.write(steps))
                .bind("oneShot", sequence.oneShot())
                .bindByType("createdAt", sequence.createdAt(), Instant.class)
                .bindByType("updatedAt", sequence.updatedAt(), Instant.class)
                .bind("description", sequence.description().orElse(null));
    }

    /** Maps a {@code rc_sequence} row. */
    static RetentionSequence map(ResultSet rs, StatementContext context) throws SQLException {
        return new RetentionSequence(rs.getString("id"),
                rs.getString("name"),
                Columns.enumValue(rs, "status", SequenceStatus.class),
                Columns.optionalText(rs, "campaign_id"),
                Columns.duration(rs, "reenroll_cooldown"),
                Json.read("steps", rs.getString("steps"), SequenceRows::steps),
                rs.getBoolean("one_shot"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                Columns.optionalText(rs, "description"));
    }

    private static ObjectNode stepJson(SequenceStep step) {
        ObjectNode node = Json.object().put("order", step.order())
                .put("channel", step.channel().name())
                .put("delayValue", step.delayValue())
                .put("delayUnit", step.delayUnit().name())
                .put("maxRetries", step.maxRetries())
                .put("anchor", step.anchor().name())
                .put("enabled", step.enabled());
        step.scriptId().ifPresent(script -> node.put("scriptId", script));
        ArrayNode conditions = node.putArray("conditions");
        step.conditions().stream().sorted().forEach(condition -> conditions.add(condition.name()));
        return node;
    }

    private static List<SequenceStep> steps(JsonNode array) {
        List<SequenceStep> steps = new ArrayList<>();
        for (JsonNode node : array) {
            Set<StepCondition> conditions = EnumSet.noneOf(StepCondition.class);
            node.path("conditions").forEach(c -> conditions.add(StepCondition.valueOf(c.asText())));
            JsonNode script = node.get("scriptId");
            JsonNode anchor = node.get("anchor"); // absent in rows written before anchors existed
            steps.add(new SequenceStep(Json.integer(node, "order"),
                    Channel.valueOf(Json.text(node, "channel")),
                    Json.integer(node, "delayValue"),
                    DelayUnit.valueOf(Json.text(node, "delayUnit")),
                    script == null ? Optional.empty() : Optional.of(script.asText()),
                    conditions,
                    Json.integer(node, "maxRetries"),
                    anchor == null ? DelayAnchor.PREVIOUS_STEP : DelayAnchor.valueOf(anchor.asText()),
                    node.path("enabled").asBoolean(true)));
        }
        return steps;
    }
}
