package io.retentioncenter.examples.bench;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.ScriptRenderer;
import io.retentioncenter.core.script.Script;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The rows the engine leaves when {@link BenchmarkWorld#enrollDue} has loaded {@code leads} leads at
 * {@code start} and one tick at {@code tick} has run the world's zero-delay sequence to its end, written
 * set-based in SQL instead (one {@code INSERT ... SELECT} per table and step): lead {@code i} as
 * {@code enrollDue} makes it, CONTACTED once (one status change) with a contact per step; its
 * enrollment COMPLETED; per step one EXECUTED execution and one SENT attempt with the script rendered
 * for the lead, sent by the no-op provider. Column for column what the engine writes, except the
 * random ids, which become numbered ids of the same width.
 */
final class LearningSeed {
    /** Replaces the first name when a script is rendered, to cut the text around it. */
    private static final String MARK = "\u0001";
    private static final String LEAD = SeedSql.id("lead", "r.i");

    private final BenchmarkWorld world;
    private final int steps;
    private final Instant start;
    private final Instant tick;

    private LearningSeed(BenchmarkWorld world, int steps, Instant start, Instant tick) {
        this.world = world;
        this.steps = steps;
        this.start = start;
        this.tick = tick;
    }

    /** The statements seeding {@code leads} leads through {@code steps} steps of {@code world}'s sequence. */
    static List<String> statements(SeedSql sql, BenchmarkWorld world, int leads, int steps, Instant start,
            Instant tick) {
        return new LearningSeed(world, steps, start, tick).statements(sql, leads);
    }

    private List<String> statements(SeedSql sql, int leads) {
        String at = SeedSql.time(tick);
        String rows = " FROM " + sql.rows(leads, "r");
        List<String> statements = new ArrayList<>();
        statements.add("INSERT INTO " + sql.table("rc_lead") + " (id, first_name, email, phone, source, status,"
                + " attributes, contact_count, created_at, updated_at) SELECT " + LEAD + ", " + firstName() + ", "
                + email() + ", " + phone() + ", 'API', 'CONTACTED', '{}', " + steps + ", " + SeedSql.time(start) + ", "
                + at + rows);
        statements.add("INSERT INTO " + sql.table("rc_lead_status_change") + " (id, lead_id, from_status, to_status,"
                + " changed_at) SELECT " + SeedSql.id("lsc", "r.i") + ", " + LEAD + ", 'NEW', 'CONTACTED', " + at
                + rows);
        statements.add("INSERT INTO " + sql.table("rc_enrollment") + " (id, sequence_id, lead_id, campaign_id, status,"
                + " current_step, next_execute_at, completed_steps, enrolled_at, completed_at, last_step_at,"
                + " updated_at) SELECT " + enrollment() + ", " + SeedSql.text(world.sequence.id()) + ", " + LEAD + ", "
                + SeedSql.text(world.campaign.id()) + ", 'COMPLETED', " + (steps + 1) + ", " + at + ", " + steps + ", "
                + SeedSql.time(start) + ", " + at + ", " + at + ", " + at + rows);
        for (int order = 1; order <= steps; order++) {
            String attempt = SeedSql.id("att", "r.i * " + steps + " + " + (order - 1));
            statements.add("INSERT INTO " + sql.table("rc_execution") + " (id, enrollment_id, sequence_id, step_order,"
                    + " status, attempt_id, executed_at, result) SELECT " + SeedSql.id("exe", "r.i * " + steps + " + "
                    + (order - 1)) + ", " + enrollment() + ", " + SeedSql.text(world.sequence.id()) + ", " + order
                    + ", 'EXECUTED', " + attempt + ", " + at + ", 'attempt:' || " + attempt + rows);
            statements.add(attempts(sql, order, attempt, at, rows));
        }
        return statements;
    }

    private String attempts(SeedSql sql, int order, String attempt, String at, String rows) {
        Channel channel = BenchmarkWorld.channelOf(order);
        Script script = world.scripts.get(channel);
        String provider = BenchmarkWorld.noop(channel).name();
        return "INSERT INTO " + sql.table("rc_attempt") + " (id, lead_id, campaign_id, channel, kind, status,"
                + " enrollment_id, step_order, try_number, idempotency_key, script_id, recipient, subject, body, due_at,"
                + " provider, provider_ref, sent_at, keywords, created_at, updated_at) SELECT " + attempt + ", " + LEAD
                + ", " + SeedSql.text(world.campaign.id()) + ", '" + channel + "', 'SEQUENCE_STEP', 'SENT', "
                + enrollment() + ", " + order + ", 1, " + enrollment() + " || ':" + order + ":1', "
                + SeedSql.text(script.id()) + ", " + (channel == Channel.EMAIL ? email() : phone()) + ", "
                + script.subject().map(LearningSeed::rendered).orElse("NULL") + ", " + rendered(script.body()) + ", "
                + at + ", " + SeedSql.text(provider) + ", " + SeedSql.text(provider + "-") + " || " + attempt + ", "
                + at + ", '[]', " + at + ", " + at + rows;
    }

    /** {@code template} rendered as the engine renders it, with the lead's first name as SQL. */
    private static String rendered(String template) {
        String[] parts = ScriptRenderer.render(template, Map.of("firstName", MARK)).split(MARK, -1);
        return String.join(" || " + firstName() + " || ", Arrays.stream(parts).map(SeedSql::text).toList());
    }

    private static String firstName() {
        return SeedSql.text(BenchmarkWorld.FIRST_NAME) + " || r.i";
    }

    private static String email() {
        return SeedSql.text(BenchmarkWorld.EMAIL_LOCAL) + " || r.i || " + SeedSql.text(BenchmarkWorld.EMAIL_DOMAIN);
    }

    private static String enrollment() {
        return SeedSql.text(BenchmarkWorld.ENROLLMENT) + " || r.i";
    }

    private static String phone() {
        return SeedSql.text(BenchmarkWorld.PHONE_PREFIX) + " || LPAD(CAST(" + BenchmarkWorld.PHONE_AREA + " + r.i / "
                + BenchmarkWorld.PHONE_BLOCK + " AS VARCHAR), 3, '0') || LPAD(CAST(MOD(r.i, "
                + BenchmarkWorld.PHONE_BLOCK + ") AS VARCHAR), 4, '0')";
    }
}
