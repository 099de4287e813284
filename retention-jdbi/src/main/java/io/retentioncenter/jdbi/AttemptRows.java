package io.retentioncenter.jdbi;

import io.retentioncenter.core.contact.AttemptKind;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Table {@code rc_attempt}: statements, parameters and the row mapper. The dispatch lease
 * ({@code dispatch_owner}, {@code dispatch_until}) lives in the table only, not in the record.
 */
final class AttemptRows {
    /** Inserts a whole attempt without dispatch lease. */
    static final String INSERT = "INSERT INTO <schema>rc_attempt (id, lead_id, campaign_id, channel, kind, status,"
            + " enrollment_id, step_order, try_number, idempotency_key, script_id, ab_test_id, variant, recipient,"
            + " subject, body, due_at, provider, provider_ref, sent_at, error, transcript, keywords, created_at,"
            + " updated_at) VALUES (:id, :leadId, :campaignId, :channel, :kind, :status, :enrollmentId, :stepOrder,"
            + " :tryNumber, :idempotencyKey, :scriptId, :abTestId, :variant, :recipient, :subject, :body, :dueAt,"
            + " :provider, :providerRef, :sentAt, :error, :transcript, :keywords, :createdAt, :updatedAt)";
    /** Replaces a stored attempt by id and drops its dispatch lease; callers append their conditions. */
    static final String REPLACE = "UPDATE <schema>rc_attempt SET lead_id = :leadId, campaign_id = :campaignId,"
            + " channel = :channel, kind = :kind, status = :status, enrollment_id = :enrollmentId,"
            + " step_order = :stepOrder, try_number = :tryNumber, idempotency_key = :idempotencyKey,"
            + " script_id = :scriptId, ab_test_id = :abTestId, variant = :variant, recipient = :recipient,"
            + " subject = :subject, body = :body, due_at = :dueAt, provider = :provider, provider_ref = :providerRef,"
            + " sent_at = :sentAt, error = :error, transcript = :transcript, keywords = :keywords,"
            + " created_at = :createdAt, updated_at = :updatedAt, dispatch_owner = NULL, dispatch_until = NULL"
            + " WHERE id = :id";
    /** Cancels a lead's undispatched attempts: binds {@code leadId} and {@code at}. */
    static final String CANCEL_OF_LEAD = "UPDATE <schema>rc_attempt SET status = 'CANCELLED', updated_at = :at"
            + " WHERE lead_id = :leadId AND status IN ('SCHEDULED', 'PENDING')";

    /** Whole attempts for {@link BulkRows#insert}, in the order of {@link #row}. */
    static final BulkRows BULK = BulkRows.of("<schema>rc_attempt", "id:TEXT", "lead_id:TEXT", "campaign_id:TEXT",
            "channel:TEXT", "kind:TEXT", "status:TEXT", "enrollment_id:TEXT", "step_order:INT", "try_number:INT",
            "idempotency_key:TEXT", "script_id:TEXT", "ab_test_id:TEXT", "variant:TEXT", "recipient:TEXT",
            "subject:TEXT", "body:TEXT", "due_at:TIME", "provider:TEXT", "provider_ref:TEXT", "sent_at:TIME",
            "error:TEXT", "transcript:TEXT", "keywords:TEXT", "created_at:TIME", "updated_at:TIME",
            "dispatch_owner:TEXT", "dispatch_until:TIME");

    private AttemptRows() {
    }

    /** Binds {@code attempt} to the named parameters of {@link #INSERT} and {@link #REPLACE}. */
    static <S extends SqlStatement<S>> S bind(S statement, ContactAttempt attempt) {
        return statement.bind("id", attempt.id())
                .bind("leadId", attempt.leadId())
                .bind("campaignId", attempt.campaignId())
                .bind("channel", attempt.channel().name())
                .bind("kind", attempt.kind().name())
                .bind("status", attempt.status().name())
                .bind("enrollmentId", attempt.enrollmentId().orElse(null))
                .bind("stepOrder", attempt.stepOrder().orElse(null))
                .bind("tryNumber", attempt.tryNumber())
                .bind("idempotencyKey", attempt.idempotencyKey())
                .bind("scriptId", attempt.scriptId().orElse(null))
                .bind("abTestId", attempt.abTestId().orElse(null))
                .bind("variant", attempt.variant().orElse(null))
                .bind("recipient", attempt.recipient())
                .bind("subject", attempt.subject().orElse(null))
                .bind("body", attempt.body())
                .bindByType("dueAt", attempt.dueAt(), Instant.class)
                .bind("provider", attempt.provider().orElse(null))
                .bind("providerRef", attempt.providerRef().orElse(null))
                .bindByType("sentAt", attempt.sentAt().orElse(null), Instant.class)
                .bind("error", attempt.error().orElse(null))
                .bind("transcript", attempt.transcript().orElse(null))
                .bind("keywords", Json.write(attempt.keywords()))
                .bindByType("createdAt", attempt.createdAt(), Instant.class)
                .bindByType("updatedAt", attempt.updatedAt(), Instant.class);
    }

    /** The values of {@code a} in the column order of {@link #BULK}, under the dispatch lease (owner, until) if any. */
    static Object[] row(ContactAttempt a, String dispatchOwner, Instant dispatchUntil) {
        return new Object[] {a.id(), a.leadId(), a.campaignId(), a.channel().name(), a.kind().name(), a.status().name(),
            a.enrollmentId().orElse(null), a.stepOrder().orElse(null), a.tryNumber(), a.idempotencyKey(),
            a.scriptId().orElse(null), a.abTestId().orElse(null), a.variant().orElse(null), a.recipient(),
            a.subject().orElse(null), a.body(), a.dueAt(), a.provider().orElse(null), a.providerRef().orElse(null),
            a.sentAt().orElse(null), a.error().orElse(null), a.transcript().orElse(null), Json.write(a.keywords()),
            a.createdAt(), a.updatedAt(), dispatchOwner, dispatchUntil};
    }

    /** Maps a {@code rc_attempt} row. */
    static ContactAttempt map(ResultSet rs, StatementContext context) throws SQLException {
        return new ContactAttempt(rs.getString("id"),
                rs.getString("lead_id"),
                rs.getString("campaign_id"),
                Columns.enumValue(rs, "channel", Channel.class),
                Columns.enumValue(rs, "kind", AttemptKind.class),
                Columns.enumValue(rs, "status", AttemptStatus.class),
                Columns.optionalText(rs, "enrollment_id"),
                Columns.optionalInt(rs, "step_order"),
                rs.getInt("try_number"),
                rs.getString("idempotency_key"),
                Columns.optionalText(rs, "script_id"),
                Columns.optionalText(rs, "ab_test_id"),
                Columns.optionalText(rs, "variant"),
                rs.getString("recipient"),
                Columns.optionalText(rs, "subject"),
                rs.getString("body"),
                Columns.instant(rs, "due_at"),
                Columns.optionalText(rs, "provider"),
                Columns.optionalText(rs, "provider_ref"),
                Columns.optionalInstant(rs, "sent_at"),
                Columns.optionalText(rs, "error"),
                Columns.optionalText(rs, "transcript"),
                Json.stringList(rs.getString("keywords")),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }
}
