package io.retentioncenter.jdbi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.campaign.RateLimit;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.LeadSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Table {@code rc_campaign}: insert and replace statements, parameters and the row mapper. The
 * auto-assign rule, schedule and rate limits are small JSON documents.
 */
final class CampaignRows {
    /** Inserts a whole campaign (its lead count starts at zero). */
    static final String INSERT = "INSERT INTO <schema>rc_campaign (id, name, status, auto_assign, schedule,"
            + " rate_limits, contact_limit, sequence_id, settings, created_at, updated_at, description)"
            + " VALUES (:id, :name, :status, :autoAssign, :schedule, :rateLimits, :contactLimit, :sequenceId,"
            + " :settings, :createdAt, :updatedAt, :description)";
    /** Replaces every column of a stored campaign except its lead count. */
    static final String REPLACE = "UPDATE <schema>rc_campaign SET name = :name, status = :status,"
            + " auto_assign = :autoAssign, schedule = :schedule, rate_limits = :rateLimits,"
            + " contact_limit = :contactLimit, sequence_id = :sequenceId, settings = :settings,"
            + " created_at = :createdAt, updated_at = :updatedAt, description = :description WHERE id = :id";

    private CampaignRows() {
    }

    /** Binds {@code campaign} to the named parameters of {@link #INSERT} and {@link #REPLACE}. */
    static <S extends SqlStatement<S>> S bind(S statement, Campaign campaign) {
        return statement.bind("id", campaign.id())
                .bind("name", campaign.name())
                .bind("status", campaign.status().name())
                .bind("autoAssign", Json.write(autoAssignJson(campaign.autoAssign())))
                .bind("schedule", Json.write(scheduleJson(campaign.schedule())))
                .bind("rateLimits", Json.write(rateLimitsJson(campaign.rateLimits())))
                .bind("contactLimit", campaign.contactLimit())
                .bind("sequenceId", campaign.sequenceId().orElse(null))
                .bind("settings", Json.write(campaign.settings()))
                .bindByType("createdAt", campaign.createdAt(), Instant.class)
                .bindByType("updatedAt", campaign.updatedAt(), Instant.class)
                .bind("description", campaign.description().orElse(null));
    }

    /** Maps a {@code rc_campaign} row. */
    static Campaign map(ResultSet rs, StatementContext context) throws SQLException {
        return new Campaign(rs.getString("id"),
                rs.getString("name"),
                Columns.enumValue(rs, "status", CampaignStatus.class),
                Json.read("auto_assign", rs.getString("auto_assign"), CampaignRows::autoAssign),
                Json.read("schedule", rs.getString("schedule"), CampaignRows::schedule),
                Json.read("rate_limits", rs.getString("rate_limits"), CampaignRows::rateLimits),
                rs.getInt("contact_limit"),
                Columns.optionalText(rs, "sequence_id"),
                Json.stringMap(rs.getString("settings")),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                Columns.optionalText(rs, "description"));
    }

    private static ObjectNode autoAssignJson(AutoAssignRule rule) {
        ObjectNode node = Json.object().put("enabled", rule.enabled());
        ArrayNode sources = node.putArray("sources");
        rule.sources().forEach(source -> sources.add(source.name()));
        rule.maxLeads().ifPresent(max -> node.put("maxLeads", max));
        return node;
    }

    private static AutoAssignRule autoAssign(JsonNode node) {
        Set<LeadSource> sources = EnumSet.noneOf(LeadSource.class);
        node.path("sources").forEach(source -> sources.add(LeadSource.valueOf(source.asText())));
        JsonNode max = node.get("maxLeads");
        return new AutoAssignRule(node.path("enabled").asBoolean(), sources,
                max == null ? Optional.empty() : Optional.of(max.asInt()));
    }

    private static ObjectNode scheduleJson(Schedule schedule) {
        ObjectNode node = Json.object().put("zone", schedule.zone().getId())
                .put("start", schedule.start().toString())
                .put("end", schedule.end().toString());
        ArrayNode days = node.putArray("days");
        schedule.days().stream().sorted().forEach(day -> days.add(day.name()));
        return node;
    }

    private static Schedule schedule(JsonNode node) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        node.path("days").forEach(day -> days.add(DayOfWeek.valueOf(day.asText())));
        return new Schedule(ZoneId.of(Json.text(node, "zone")), days, LocalTime.parse(Json.text(node, "start")),
                LocalTime.parse(Json.text(node, "end")));
    }

    private static ObjectNode rateLimitsJson(Map<Channel, RateLimit> limits) {
        ObjectNode node = Json.object();
        limits.forEach((channel, limit) -> node.putObject(channel.name()).put("max", limit.max())
                .put("window", limit.window().toString()));
        return node;
    }

    private static Map<Channel, RateLimit> rateLimits(JsonNode node) {
        Map<Channel, RateLimit> limits = new EnumMap<>(Channel.class);
        node.properties().forEach(entry -> limits.put(Channel.valueOf(entry.getKey()),
                new RateLimit(Json.integer(entry.getValue(), "max"),
                        Duration.parse(Json.text(entry.getValue(), "window")))));
        return limits;
    }
}
