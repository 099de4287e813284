package io.retentioncenter.jdbi;

import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code rc_lead}: the insert statement, its parameters and the row mapper. */
final class LeadRows {
    /** Inserts a whole lead. */
    static final String INSERT = "INSERT INTO <schema>rc_lead (id, external_id, first_name, last_name, email, phone,"
            + " source, status, sub_id, click_id, timezone, attributes, contact_count, created_at, updated_at, notes)"
            + " VALUES (:id, :externalId, :firstName, :lastName, :email, :phone, :source, :status, :subId, :clickId,"
            + " :timezone, :attributes, :contactCount, :createdAt, :updatedAt, :notes)";

    private LeadRows() {
    }

    /** Binds every column of {@code lead} to the named parameters of {@link #INSERT}. */
    static <S extends SqlStatement<S>> S bind(S statement, Lead lead) {
        return statement.bind("id", lead.id())
                .bind("externalId", lead.externalId().orElse(null))
                .bind("firstName", lead.firstName().orElse(null))
                .bind("lastName", lead.lastName().orElse(null))
                .bind("email", lead.email().orElse(null))
                .bind("phone", lead.phone().orElse(null))
                .bind("source", lead.source().name())
                .bind("status", lead.status().name())
                .bind("subId", lead.subId().orElse(null))
                .bind("clickId", lead.clickId().orElse(null))
                .bind("timezone", lead.timezone().map(ZoneId::getId).orElse(null))
                .bind("attributes", Json.write(lead.attributes()))
                .bind("contactCount", lead.contactCount())
                .bindByType("createdAt", lead.createdAt(), Instant.class)
                .bindByType("updatedAt", lead.updatedAt(), Instant.class)
                .bind("notes", lead.notes().orElse(null));
    }

    /** Maps a {@code rc_lead} row. */
    static Lead map(ResultSet rs, StatementContext context) throws SQLException {
        return new Lead(rs.getString("id"),
                Columns.optionalText(rs, "external_id"),
                Columns.optionalText(rs, "first_name"),
                Columns.optionalText(rs, "last_name"),
                Columns.optionalText(rs, "email"),
                Columns.optionalText(rs, "phone"),
                Columns.enumValue(rs, "source", LeadSource.class),
                Columns.enumValue(rs, "status", LeadStatus.class),
                Columns.optionalText(rs, "sub_id"),
                Columns.optionalText(rs, "click_id"),
                Columns.optionalZone(rs, "timezone"),
                Json.stringMap(rs.getString("attributes")),
                rs.getInt("contact_count"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                Columns.optionalText(rs, "notes"));
    }
}
