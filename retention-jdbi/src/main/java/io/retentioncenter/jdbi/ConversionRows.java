package io.retentioncenter.jdbi;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Table {@code rc_conversion}: statements, parameters and the row mapper. Revenue is stored as
 * {@code NUMERIC(38, 10)} plus its scale, so a value reads back with the scale it was written with.
 */
final class ConversionRows {
    /** Largest revenue scale the {@code NUMERIC(38, 10)} column holds exactly. */
    private static final int MAX_SCALE = 10;

    /** Inserts a whole conversion. */
    static final String INSERT = "INSERT INTO <schema>rc_conversion (id, lead_id, campaign_id, channel, attempt_id,"
            + " enrollment_id, step_order, ab_test_id, variant, status, revenue, revenue_scale, currency,"
            + " transaction_id, occurred_at, updated_at, raw) VALUES (:id, :leadId, :campaignId, :channel, :attemptId,"
            + " :enrollmentId, :stepOrder, :abTestId, :variant, :status, :revenue, :revenueScale, :currency,"
            + " :transactionId, :occurredAt, :updatedAt, :raw)";
    /** Replaces a stored conversion by id. */
    static final String REPLACE = "UPDATE <schema>rc_conversion SET lead_id = :leadId, campaign_id = :campaignId,"
            + " channel = :channel, attempt_id = :attemptId, enrollment_id = :enrollmentId, step_order = :stepOrder,"
            + " ab_test_id = :abTestId, variant = :variant, status = :status, revenue = :revenue,"
            + " revenue_scale = :revenueScale, currency = :currency, transaction_id = :transactionId,"
            + " occurred_at = :occurredAt, updated_at = :updatedAt, raw = :raw WHERE id = :id";

    private ConversionRows() {
    }

    /** Binds {@code conversion} to the named parameters of {@link #INSERT} and {@link #REPLACE}. */
    static <S extends SqlStatement<S>> S bind(S statement, Conversion conversion) {
        BigDecimal revenue = conversion.revenue();
        if (revenue.scale() > MAX_SCALE) {
            throw new ValidationException("revenue", "has more than " + MAX_SCALE + " decimal places: "
                    + revenue.toPlainString());
        }
        return statement.bind("id", conversion.id())
                .bind("leadId", conversion.leadId())
                .bind("campaignId", conversion.campaignId())
                .bind("channel", conversion.channel().map(Enum::name).orElse(null))
                .bind("attemptId", conversion.attemptId().orElse(null))
                .bind("enrollmentId", conversion.enrollmentId().orElse(null))
                .bind("stepOrder", conversion.stepOrder().orElse(null))
                .bind("abTestId", conversion.abTestId().orElse(null))
                .bind("variant", conversion.variant().orElse(null))
                .bind("status", conversion.status().name())
                .bind("revenue", revenue)
                .bind("revenueScale", revenue.scale())
                .bind("currency", conversion.currency().orElse(null))
                .bind("transactionId", conversion.transactionId().orElse(null))
                .bindByType("occurredAt", conversion.occurredAt(), Instant.class)
                .bindByType("updatedAt", conversion.updatedAt(), Instant.class)
                .bind("raw", Json.write(conversion.raw()));
    }

    /** Maps a {@code rc_conversion} row. */
    static Conversion map(ResultSet rs, StatementContext context) throws SQLException {
        return new Conversion(rs.getString("id"),
                rs.getString("lead_id"),
                rs.getString("campaign_id"),
                Columns.optionalEnum(rs, "channel", Channel.class),
                Columns.optionalText(rs, "attempt_id"),
                Columns.optionalText(rs, "enrollment_id"),
                Columns.optionalInt(rs, "step_order"),
                Columns.optionalText(rs, "ab_test_id"),
                Columns.optionalText(rs, "variant"),
                Columns.enumValue(rs, "status", ConversionStatus.class),
                rs.getBigDecimal("revenue").setScale(rs.getInt("revenue_scale")),
                Columns.optionalText(rs, "currency"),
                Columns.optionalText(rs, "transaction_id"),
                Columns.instant(rs, "occurred_at"),
                Columns.instant(rs, "updated_at"),
                Json.stringMap(rs.getString("raw")));
    }
}
