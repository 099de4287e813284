package io.retentioncenter.jdbi;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.script.Script;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code rc_script}: insert and replace statements, parameters and the row mapper. */
final class ScriptRows {
    /** Inserts a whole script. */
    static final String INSERT = "INSERT INTO <schema>rc_script (id, name, channel, campaign_id, subject, body,"
            + " settings, description) VALUES (:id, :name, :channel, :campaignId, :subject, :body, :settings,"
            + " :description)";
    /** Replaces every column of a stored script. */
    static final String REPLACE = "UPDATE <schema>rc_script SET name = :name, channel = :channel,"
            + " campaign_id = :campaignId, subject = :subject, body = :body, settings = :settings,"
            + " description = :description WHERE id = :id";

    private ScriptRows() {
    }

    /** Binds {@code script} to the named parameters of {@link #INSERT} and {@link #REPLACE}. */
    static <S extends SqlStatement<S>> S bind(S statement, Script script) {
        return statement.bind("id", script.id())
                .bind("name", script.name())
                .bind("channel", script.channel().name())
                .bind("campaignId", script.campaignId().orElse(null))
                .bind("subject", script.subject().orElse(null))
                .bind("body", script.body())
                .bind("settings", Json.write(script.settings()))
                .bind("description", script.description().orElse(null));
    }

    /** Maps a {@code rc_script} row. */
    static Script map(ResultSet rs, StatementContext context) throws SQLException {
        return new Script(rs.getString("id"),
                rs.getString("name"),
                Columns.enumValue(rs, "channel", Channel.class),
                Columns.optionalText(rs, "campaign_id"),
                Columns.optionalText(rs, "subject"),
                rs.getString("body"),
                Json.stringMap(rs.getString("settings")),
                Columns.optionalText(rs, "description"));
    }
}
