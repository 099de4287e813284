package io.retentioncenter.jdbi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.SendWindow;
import io.retentioncenter.core.experiment.StepTarget;
import io.retentioncenter.core.experiment.Treatment;
import io.retentioncenter.core.experiment.Variant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Table {@code rc_ab_test}: insert and replace statements, parameters and the row mapper; variants are
 * JSON, and a timing test's step is in {@code sequence_id} and {@code step_order}.
 */
final class AbTestRows {
    /** Inserts a whole A/B test. */
    static final String INSERT = "INSERT INTO <schema>rc_ab_test (id, campaign_id, channel, variants, status, winner,"
            + " started_at, ended_at, sequence_id, step_order) VALUES (:id, :campaignId, :channel, :variants, :status,"
            + " :winner, :startedAt, :endedAt, :sequenceId, :stepOrder)";
    /** Replaces every column of a stored A/B test. */
    static final String REPLACE = "UPDATE <schema>rc_ab_test SET campaign_id = :campaignId, channel = :channel,"
            + " variants = :variants, status = :status, winner = :winner, started_at = :startedAt,"
            + " ended_at = :endedAt, sequence_id = :sequenceId, step_order = :stepOrder WHERE id = :id";

    private AbTestRows() {
    }

    /** Binds {@code test} to the named parameters of {@link #INSERT} and {@link #REPLACE}. */
    static <S extends SqlStatement<S>> S bind(S statement, AbTest test) {
        ArrayNode variants = Json.array();
        test.variants().forEach(v -> treatment(variants.addObject().put("name", v.name()), v.treatment())
                .put("weight", v.weight()));
        return statement.bind("id", test.id())
                .bind("campaignId", test.campaignId())
                .bind("channel", test.channel().name())
                .bind("variants", Json.write(variants))
                .bind("status", test.status().name())
                .bind("winner", test.winner().orElse(null))
                .bindByType("startedAt", test.startedAt(), Instant.class)
                .bindByType("endedAt", test.endedAt().orElse(null), Instant.class)
                .bind("sequenceId", test.step().map(StepTarget::sequenceId).orElse(null))
                .bindByType("stepOrder", test.step().map(StepTarget::stepOrder).orElse(null), Integer.class);
    }

    /** A script arm as {@code scriptId}, a delay as ISO-8601 {@code delay}, a window as {@code windowStart/End}. */
    private static ObjectNode treatment(ObjectNode node, Treatment treatment) {
        if (treatment instanceof Treatment.ScriptArm script) {
            return node.put("scriptId", script.scriptId());
        }
        if (treatment instanceof Treatment.DelayArm delay) {
            return node.put("delay", delay.delay().toString());
        }
        SendWindow window = ((Treatment.WindowArm) treatment).window();
        return node.put("windowStart", window.start().toString()).put("windowEnd", window.end().toString());
    }

    /** Maps a {@code rc_ab_test} row. */
    static AbTest map(ResultSet rs, StatementContext context) throws SQLException {
        Optional<String> sequenceId = Columns.optionalText(rs, "sequence_id");
        int stepOrder = rs.getInt("step_order");
        return new AbTest(rs.getString("id"),
                rs.getString("campaign_id"),
                Columns.enumValue(rs, "channel", Channel.class),
                Json.read("variants", rs.getString("variants"), AbTestRows::variants),
                Columns.enumValue(rs, "status", AbTestStatus.class),
                Columns.optionalText(rs, "winner"),
                Columns.instant(rs, "started_at"),
                Columns.optionalInstant(rs, "ended_at"),
                sequenceId.map(id -> new StepTarget(id, stepOrder)));
    }

    /** The variants of a test in their JSON column. */
    static List<Variant> variants(JsonNode array) {
        List<Variant> variants = new ArrayList<>();
        array.forEach(v -> variants.add(new Variant(Json.text(v, "name"), treatment(v), Json.integer(v, "weight"))));
        return variants;
    }

    private static Treatment treatment(JsonNode v) {
        if (v.has("delay")) {
            return new Treatment.DelayArm(Duration.parse(Json.text(v, "delay")));
        }
        if (v.has("windowStart")) {
            return new Treatment.WindowArm(new SendWindow(LocalTime.parse(Json.text(v, "windowStart")),
                    LocalTime.parse(Json.text(v, "windowEnd"))));
        }
        return new Treatment.ScriptArm(Json.text(v, "scriptId"));
    }
}
