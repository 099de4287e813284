package io.retentioncenter.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.dashboard.DailyActivity;
import io.retentioncenter.core.lead.LeadSearch;
import io.retentioncenter.core.lead.LeadSort;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import io.retentioncenter.jdbi.DataSources;
import io.retentioncenter.jdbi.JdbiRetentionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's surface on a large PostgreSQL database: a lead search page (filters, text, orders)
 * and a 30-day dashboard series, timed through the engine's public calls, with the plans of their
 * statements (EXPLAIN ANALYZE: execution time and the indexes read).
 *
 * <pre>
 * mvn -q -B -DskipTests -pl examples -am package exec:java \
 *     -Dexec.mainClass=io.retentioncenter.examples.bench.OperatorSurfaceBenchmark -Dexec.args="1000000 30"
 * </pre>
 *
 * Arguments: number of leads (default 1,000,000), timed runs per call (default 30), and {@code reuse} to
 * keep the data of an earlier run with as many leads instead of seeding again. The data lives in
 * the benchmark's own database {@code RC_BENCH_OPS_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/rc_bench_ops}, created when missing; {@code RC_PG_USER} /
 * {@code RC_PG_PASSWORD}), in schema {@value #SCHEMA}, dropped and seeded again on every run with
 * set-based SQL: the leads spread over the year before {@link #END} (names, emails, phones, external
 * ids, sources and statuses from a hash of their number), a third of them members of a campaign, two
 * attempts per lead an hour and two after its creation, and a conversion for half the converted
 * leads. The store's indexes are dropped while seeding and built again after it, then the tables are
 * vacuumed and analyzed.
 */
public final class OperatorSurfaceBenchmark {
    private static final String SCHEMA = "rc_ops";
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/rc_bench_ops";
    /** The seeded year ends here; the dashboard shows the 30 days before it. */
    private static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Pattern INDEX = Pattern.compile("(?:Index Only Scan|Index Scan|Bitmap Index Scan)"
            + "(?: Backward)? (?:using|on) (\\w+)");

    private OperatorSurfaceBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean reuse = args.length > 2 && args[2].equals("reuse");
        String user = env("RC_PG_USER", "postgres");
        String password = env("RC_PG_PASSWORD", "");
        String url = BenchStores.ensureDatabase(env("RC_BENCH_OPS_URL", DEFAULT_URL), user, password);
        System.out.printf("operator surface benchmark: leads=%d runs=%d cores=%d%n", leads, runs,
                Runtime.getRuntime().availableProcessors());
        try (HikariDataSource pool = DataSources.pooled(url, user, password, 4)) {
            boolean seeded = reuse && leadsSeeded(pool) == leads;
            if (!seeded) {
                execute(pool, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
            RetentionStore store = JdbiRetentionStore.builder().dataSource(pool).schema(SCHEMA).build();
            RetentionEngine engine = RetentionEngine.builder().store(store)
                    .channel(RecordingChannelProvider.of(io.retentioncenter.core.contact.Channel.EMAIL)).build();
            String campaignId = engine.campaigns().declare("bench", NewCampaign.builder("bench")
                    .autoAssign(AutoAssignRule.manualOnly()).build()).id();
            if (seeded) {
                System.out.println("  reusing the seeded data");
            } else {
                long t0 = System.nanoTime();
                seed(pool, leads, campaignId);
                System.out.printf("  seeded %d leads, %d attempts, %d conversions in %.1f s%n", count(pool, "rc_lead"),
                        count(pool, "rc_attempt"), count(pool, "rc_conversion"), (System.nanoTime() - t0) / 1e9);
            }

            Map<String, LeadSearch> searches = searches(campaignId);
            for (Map.Entry<String, LeadSearch> search : searches.entrySet()) {
                long total = engine.leads().search(search.getValue()).total();
                time(search.getKey() + " (total " + total + ")", runs, () -> engine.leads().search(search.getValue()));
            }
            LocalDate last = LocalDate.ofInstant(END.minusSeconds(1), ZONE);
            List<DailyActivity> series = engine.dashboards().daily(last.minusDays(29), last, ZONE);
            System.out.printf("  dashboard series: %d days, %d leads, %d attempts, %d conversions%n", series.size(),
                    series.stream().mapToLong(d -> d.counts().leads()).sum(),
                    series.stream().mapToLong(d -> d.counts().attempts().values().stream()
                            .flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum()).sum(),
                    series.stream().mapToLong(d -> d.counts().conversionCount()).sum());
            time("dashboard: 30-day daily series in " + ZONE, runs,
                    () -> engine.dashboards().daily(last.minusDays(29), last, ZONE));
            time("dashboard: leads by status", Math.max(3, runs / 5), () -> engine.dashboards().leadsByStatus());
            time("dashboard: recent activity (50)", runs, () -> engine.dashboards().recentActivity(50));
            time("dashboard: upcoming steps (50)", runs, () -> engine.dashboards().upcomingSteps(50));
            time("leads page: counts by status and source, no filter", Math.max(3, runs / 5),
                    () -> engine.leads().counts(LeadSearch.all()));

            explain(pool, "search: CONTACTED + META, last 90 days, newest first, page of 50", """
                    SELECT * FROM rc_lead l WHERE status = 'CONTACTED' AND source = 'META'
                      AND created_at >= TIMESTAMPTZ '2026-09-02 00:00Z' AND created_at < TIMESTAMPTZ '2026-12-01 00:00Z'
                    ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 0""");
            explain(pool, "search: its total", """
                    SELECT COUNT(*) FROM rc_lead l WHERE status = 'CONTACTED' AND source = 'META'
                      AND created_at >= TIMESTAMPTZ '2026-09-02 00:00Z' AND created_at < TIMESTAMPTZ '2026-12-01 00:00Z'""");
            explain(pool, "search: text 'garcia' + NEW, by name, page of 50", """
                    SELECT * FROM rc_lead l WHERE LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')
                      || ' ' || COALESCE(email, '') || ' ' || COALESCE(phone, '') || ' ' || COALESCE(external_id, ''))
                      LIKE '%garcia%' ESCAPE '!' AND status = 'NEW'
                    ORDER BY LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) COLLATE "C",
                      created_at, id LIMIT 50 OFFSET 0""");
            String bounds = "(SELECT CAST(CAST('{" + String.join(",", java.util.stream.IntStream.rangeClosed(0, 30)
                    .mapToObj(day -> last.minusDays(29).plusDays(day).atStartOfDay(ZONE).toInstant().toString()).toList())
                    + "}' AS TEXT[]) AS TIMESTAMPTZ[]))";
            String range = " >= TIMESTAMPTZ '" + last.minusDays(29).atStartOfDay(ZONE).toInstant() + "' AND %s < TIMESTAMPTZ '"
                    + last.plusDays(1).atStartOfDay(ZONE).toInstant() + "'";
            explain(pool, "dashboard: attempts per day, 30 days", "SELECT bucket, channel, status, COUNT(*) AS n FROM"
                    + " (SELECT width_bucket(created_at, " + bounds + ") AS bucket, channel, status FROM rc_attempt"
                    + " WHERE created_at" + range.formatted("created_at") + ") x GROUP BY bucket, channel, status");
            explain(pool, "dashboard: leads per day, 30 days", "SELECT bucket, COUNT(*) AS n FROM (SELECT width_bucket("
                    + "created_at, " + bounds + ") AS bucket FROM rc_lead WHERE created_at" + range.formatted("created_at")
                    + ") x GROUP BY bucket");
            explain(pool, "dashboard: conversions per day, 30 days", "SELECT bucket, status, COUNT(*) AS n, SUM(revenue)"
                    + " AS revenue FROM (SELECT width_bucket(occurred_at, " + bounds + ") AS bucket, status, revenue"
                    + " FROM rc_conversion WHERE occurred_at" + range.formatted("occurred_at") + ") x GROUP BY bucket, status");
        }
    }

    /** The lead searches timed, by label. */
    private static Map<String, LeadSearch> searches(String campaignId) {
        Instant ninetyDaysAgo = END.minus(Duration.ofDays(90));
        Map<String, LeadSearch> searches = new LinkedHashMap<>();
        searches.put("search: CONTACTED + META, last 90 days, newest first, page of 50", LeadSearch.builder()
                .statuses(LeadStatus.CONTACTED).sources(LeadSource.META).createdFrom(ninetyDaysAgo).createdTo(END)
                .build());
        searches.put("search: CONTACTED, newest first, page 3 of 50", LeadSearch.builder()
                .statuses(LeadStatus.CONTACTED).page(new io.retentioncenter.core.PageRequest(100, 50)).build());
        searches.put("search: text 'maria.garcia12' (one email's prefix), newest first", LeadSearch.builder()
                .text("maria.garcia12").build());
        searches.put("search: text 'garcia' + NEW, by name", LeadSearch.builder().text("garcia")
                .statuses(LeadStatus.NEW).sort(LeadSort.NAME, false).build());
        searches.put("search: text '4155' (phone digits) + API, last 30 days", LeadSearch.builder().text("4155")
                .sources(LeadSource.API).createdFrom(END.minus(Duration.ofDays(30))).build());
        searches.put("search: campaign members, CONVERTED or REJECTED, by last change", LeadSearch.builder()
                .campaignId(campaignId).statuses(LeadStatus.CONVERTED, LeadStatus.REJECTED)
                .sort(LeadSort.UPDATED, true).build());
        searches.put("search: all leads by name, page of 50", LeadSearch.builder().sort(LeadSort.NAME, false).build());
        return searches;
    }

    /** Seeds the tables with set-based SQL, with the store's secondary indexes dropped meanwhile. */
    private static void seed(HikariDataSource pool, int leads, String campaignId) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA + ", public");
            s.execute("SET maintenance_work_mem = '512MB'");
            Map<String, String> indexes = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = '"
                    + SCHEMA + "' AND tablename IN ('rc_lead', 'rc_attempt', 'rc_conversion', 'rc_campaign_lead')"
                    + " AND indexname NOT LIKE '%pkey'")) {
                while (rs.next()) {
                    indexes.put(rs.getString("indexname"), rs.getString("indexdef"));
                }
            }
            for (String name : indexes.keySet()) {
                s.execute("DROP INDEX " + SCHEMA + "." + name);
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO rc_lead (id, external_id, first_name, last_name, email, phone, source, status,
                      attributes, contact_count, created_at, updated_at)
                    SELECT 'lead_' || LPAD(i::text, 8, '0'), 'kt-' || i, fn, ln,
                      LOWER(fn) || '.' || LOWER(ln) || i || '@' || (ARRAY['example.com', 'mail.test', 'inbox.example'])[1 + i % 3],
                      '+1' || (2000000000 + i), (ARRAY['META', 'API', 'MANUAL', 'BULK'])[1 + (hashint4(i + 1) & 3)],
                      (ARRAY['NEW', 'IN_PROGRESS', 'CONTACTED', 'CONTACTED', 'CONTACTED', 'CONVERTED', 'REJECTED',
                        'DO_NOT_CONTACT'])[1 + (hashint4(i) & 7)],
                      '{}', i % 4, created, created + (i % 48) * INTERVAL '1 hour'
                    FROM (SELECT i,
                        (ARRAY['Maria', 'John', 'Ana', 'Luis', 'Emma', 'Noah', 'Olivia', 'Liam', 'Sofia', 'Lucas',
                          'Mia', 'Ethan', 'Julia', 'Mateo', 'Chloe', 'Leo', 'Lena', 'Hugo', 'Alice', 'Omar'])[1 + i % 20] AS fn,
                        (ARRAY['Garcia', 'Smith', 'Rossi', 'Muller', 'Dubois', 'Silva', 'Kowalski', 'Novak', 'Jensen',
                          'Lopez', 'Brown', 'Khan', 'Tanaka', 'Olsen', 'Costa', 'Weber', 'Moreau', 'Ivanov', 'Nagy',
                          'Horvat', 'Murphy', 'Kim', 'Chen', 'Haddad', 'Okafor'])[1 + (i / 20) % 25] AS ln,
                        TIMESTAMPTZ '2026-12-01 00:00Z' - ((? - i) * (INTERVAL '365 days' / ?)) AS created
                      FROM generate_series(1, ?) AS g(i)) x
                    """)) {
                insert.setInt(1, leads);
                insert.setInt(2, leads);
                insert.setInt(3, leads);
                insert.execute();
            }
            try (PreparedStatement members = c.prepareStatement("INSERT INTO rc_campaign_lead (campaign_id, lead_id,"
                    + " assigned_at) SELECT ?, id, created_at FROM rc_lead WHERE hashint4(CAST(SUBSTRING(id FROM 6) AS INTEGER) + 7) % 3 = 0")) {
                members.setString(1, campaignId);
                members.execute();
            }
            try (PreparedStatement attempts = c.prepareStatement("""
                    INSERT INTO rc_attempt (id, lead_id, campaign_id, channel, kind, status, try_number,
                      idempotency_key, recipient, body, due_at, keywords, created_at, updated_at)
                    SELECT 'att_' || SUBSTRING(l.id FROM 6) || '_' || j, l.id, ?,
                      (ARRAY['EMAIL', 'SMS', 'CALL', 'EMAIL'])[1 + (hashint4(LENGTH(l.id) * j + CAST(SUBSTRING(l.id FROM 6) AS INTEGER)) & 3)],
                      'SEQUENCE_STEP',
                      (ARRAY['SENT', 'DELIVERED', 'OPENED', 'FAILED', 'SUCCESS', 'REPLIED', 'ANSWERED', 'CANCELLED'])
                        [1 + (hashint4(CAST(SUBSTRING(l.id FROM 6) AS INTEGER) * 2 + j) & 7)],
                      1, 'bench:' || l.id || ':' || j, COALESCE(l.email, l.phone), 'Hello, this is the offer',
                      l.created_at + j * INTERVAL '1 hour', '[]', l.created_at + j * INTERVAL '1 hour',
                      l.created_at + j * INTERVAL '1 hour'
                    FROM rc_lead l CROSS JOIN generate_series(1, 2) AS g(j)
                    """)) {
                attempts.setString(1, campaignId);
                attempts.execute();
            }
            try (PreparedStatement conversions = c.prepareStatement("""
                    INSERT INTO rc_conversion (id, lead_id, campaign_id, channel, status, revenue, revenue_scale,
                      currency, occurred_at, updated_at, raw)
                    SELECT 'conv_' || SUBSTRING(id FROM 6), id, ?, 'EMAIL', 'SALE', 25 + (contact_count * 10.5), 2,
                      'USD', created_at + INTERVAL '2 days', created_at + INTERVAL '2 days', '{}'
                    FROM rc_lead WHERE status = 'CONVERTED' AND CAST(SUBSTRING(id FROM 6) AS INTEGER) % 2 = 0
                    """)) {
                conversions.setString(1, campaignId);
                conversions.execute();
            }
            for (String index : indexes.values()) {
                s.execute(index);
            }
            s.execute("VACUUM ANALYZE rc_lead");
            s.execute("VACUUM ANALYZE rc_attempt");
            s.execute("VACUUM ANALYZE rc_conversion");
            s.execute("VACUUM ANALYZE rc_campaign_lead");
            s.execute("VACUUM ANALYZE rc_enrollment");
        }
    }

    /** Runs {@code call} twice to warm up, then {@code runs} times, and prints the median, p95 and maximum. */
    private static void time(String label, int runs, Supplier<?> call) {
        call.get();
        call.get();
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("  %-78s median %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", label, millis[runs / 2],
                millis[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)], millis[runs - 1]);
    }

    /** Prints the execution time and the indexes of the plan of {@code sql}, run with EXPLAIN ANALYZE. */
    private static void explain(HikariDataSource pool, String label, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA + ", public");
            List<String> plan = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            List<String> indexes = new ArrayList<>();
            boolean seqScan = false;
            String time = "?";
            for (String line : plan) {
                Matcher m = INDEX.matcher(line);
                while (m.find()) {
                    indexes.add(m.group(0).replace(" using ", " ").replace(" on ", " "));
                }
                seqScan |= line.contains("Seq Scan");
                if (line.startsWith("Execution Time")) {
                    time = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            System.out.printf("  plan of %s: %s; %s%s; top node: %s%n", label, time,
                    indexes.isEmpty() ? "no index" : String.join(", ", indexes), seqScan ? "; a Seq Scan" : "",
                    plan.get(0).trim().replaceAll("\\s+\\(cost=.*?\\)", ""));
        }
    }

    /** The number of leads in the benchmark's schema, or -1 when it has no lead table. */
    private static long leadsSeeded(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_tables WHERE schemaname = '" + SCHEMA
                        + "' AND tablename = 'rc_lead'")) {
            rs.next();
            return rs.getLong(1) == 0 ? -1 : count(pool, "rc_lead");
        }
    }

    private static long count(HikariDataSource pool, String table) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + SCHEMA + "." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(HikariDataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
