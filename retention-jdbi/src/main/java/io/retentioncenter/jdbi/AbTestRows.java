package io.retentioncenter.jdbi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.Variant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code rc_ab_test}: insert and replace statements, parameters and the row mapper; variants are JSON. */
final class AbTestRows {
    /** Inserts a whole A/B test. */
    static final String INSERT = "INSERT INTO <schema>rc_ab_test (id, campaign_id, channel, variants, status, winner,"
            + " started_at, ended_at) VALUES (:id, :campaignId, :channel, :variants, :status, :winner, :startedAt,"
            + " :endedAt)";
    /** Replaces every column of a stored A/B test. */
    static final String REPLACE = "UPDATE <schema>rc_ab_test SET campaign_id = :campaignId, channel = :channel,"
            + " variants = :variants, status = :status, winner = :winner, started_at = :startedAt,"
            + " ended_at = :endedAt WHERE id = :id";

    private AbTestRows() {
    }

    /** Binds {@code test} to the named parameters of {@link #INSERT} and {@link #REPLACE}. */
    static <S extends SqlStatement<S>> S bind(S statement, AbTest test) {
        ArrayNode variants = Json.array();
        test.variants().forEach(v -> variants.addObject().put("name", v.name()).put("scriptId", v.scriptId())
                .put("weight", v.weight()));
        return statement.bind("id", test.id())
                .bind("campaignId", test.campaignId())
                .bind("channel", test.channel().name())
                .bind("variants", Json.write(variants))
                .bind("status", test.status().name())
                .bind("winner", test.winner().orElse(null))
                .bindByType("startedAt", test.startedAt(), Instant.class)
                .bindByType("endedAt", test.endedAt().orElse(null), Instant.class);
    }

    /** Maps a {@code rc_ab_test} row. */
    static AbTest map(ResultSet rs, StatementContext context) throws SQLException {
        return new AbTest(rs.getString("id"),
                rs.getString("campaign_id"),
                Columns.enumValue(rs, "channel", Channel.class),
                Json.read("variants", rs.getString("variants"), AbTestRows::variants),
                Columns.enumValue(rs, "status", AbTestStatus.class),
                Columns.optionalText(rs, "winner"),
                Columns.instant(rs, "started_at"),
                Columns.optionalInstant(rs, "ended_at"));
    }

    /** The variants of a test in their JSON column. */
    static List<Variant> variants(JsonNode array) {
        List<Variant> variants = new ArrayList<>();
        array.forEach(v -> variants.add(new Variant(Json.text(v, "name"), Json.text(v, "scriptId"),
                Json.integer(v, "weight"))));
        return variants;
    }
}
