package io.retentioncenter.jdbi;

import io.retentioncenter.core.internal.Ids;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.LeadStatusChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Table {@code rc_lead_status_change}: every status move of a lead, written in the transaction that
 * moves it.
 */
final class LeadStatusChanges {
    private static final String INSERT = "INSERT INTO <schema>rc_lead_status_change"
            + " (id, lead_id, from_status, to_status, changed_at) VALUES (:id, :leadId, :from, :to, :at)";

    static final BulkRows ROWS = BulkRows.of("<schema>rc_lead_status_change", "id:TEXT", "lead_id:TEXT",
            "from_status:TEXT", "to_status:TEXT", "changed_at:TIME");

    private LeadStatusChanges() {
    }

    /** The move of lead {@code leadId} from {@code from} to {@code to} at {@code at}; empty when the status stays. */
    static Optional<LeadStatusChange> between(String leadId, LeadStatus from, LeadStatus to, Instant at) {
        return from == to ? Optional.empty()
                : Optional.of(new LeadStatusChange(Ids.next("lsc"), leadId, from, to, at));
    }

    /** Writes the move of lead {@code leadId}, if the status changed. */
    static void write(Handle handle, String leadId, LeadStatus from, LeadStatus to, Instant at) {
        between(leadId, from, to, at).ifPresent(change -> write(handle, List.of(change)));
    }

    /** Writes {@code changes} in one batch. */
    static void write(Handle handle, Collection<LeadStatusChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (LeadStatusChange change : changes) {
            batch.bind("id", change.id()).bind("leadId", change.leadId()).bind("from", change.from().name())
                    .bind("to", change.to().name()).bindByType("at", change.at(), Instant.class).add();
        }
        batch.execute();
    }

    /** Writes {@code changes} set-based: one multi-row insert on PostgreSQL, one batch on H2. */
    static void writeAll(Handle handle, Dialect dialect, Collection<LeadStatusChange> changes) {
        ROWS.insert(handle, dialect, changes.stream().map(LeadStatusChanges::row).toList());
    }

    /** The values of {@link #ROWS} for {@code change}. */
    static Object[] row(LeadStatusChange change) {
        return new Object[] {change.id(), change.leadId(), change.from().name(), change.to().name(), change.at()};
    }

    /** Maps a {@code rc_lead_status_change} row. */
    static LeadStatusChange map(ResultSet rs, StatementContext context) throws SQLException {
        return new LeadStatusChange(rs.getString("id"), rs.getString("lead_id"),
                Columns.enumValue(rs, "from_status", LeadStatus.class),
                Columns.enumValue(rs, "to_status", LeadStatus.class), Columns.instant(rs, "changed_at"));
    }
}
