package io.retentioncenter.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What a timed section cost the PostgreSQL server, in figures other tenants of the machine do not
 * move: WAL written for the benchmark's database (records whose blocks belong to it, through
 * {@code pg_walinspect} when it can be created; full-page images shown apart, as they depend on when
 * the last checkpoint was), row versions per table ({@code pg_stat_user_tables}, reset at the start)
 * and the CPU time of the database's backends (from {@code /proc}, when the server runs on this host).
 */
final class PgWriteCost {
    private final Connection connection;
    private final String startLsn;
    private final Map<Integer, Long> cpuStart;
    private final boolean walinspect;

    private PgWriteCost(Connection connection, String startLsn, Map<Integer, Long> cpuStart, boolean walinspect) {
        this.connection = connection;
        this.startLsn = startLsn;
        this.cpuStart = cpuStart;
        this.walinspect = walinspect;
    }

    /**
     * Starts measuring the benchmark database; waits first for the backends to publish the counters
     * of what ran before (an idle backend does so within ten seconds), so that the reset drops them.
     */
    static PgWriteCost start() throws SQLException, InterruptedException {
        Thread.sleep(11_000);
        Connection c = DriverManager.getConnection(BenchStores.postgresUrl(), BenchStores.postgresUser(),
                BenchStores.postgresPassword());
        boolean walinspect;
        try (Statement s = c.createStatement()) {
            try {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
                walinspect = true;
            } catch (SQLException e) {
                walinspect = false;
            }
            s.execute("SELECT pg_stat_reset()");
            return new PgWriteCost(c, text(s, "SELECT pg_current_wal_lsn()::text"), backendCpu(s), walinspect);
        }
    }

    /**
     * Lines with the figures per step since {@link #start()}; waits first for the backends to publish
     * their table counters (an idle backend does so within ten seconds) and for the WAL to be flushed.
     */
    String stop(int steps) throws SQLException, InterruptedException {
        StringBuilder out = new StringBuilder();
        try (Statement s = connection.createStatement()) {
            String endLsn = text(s, "SELECT pg_current_wal_lsn()::text");
            Map<Integer, Long> cpuEnd = backendCpu(s);
            long ticks = cpuEnd.entrySet().stream()
                    .mapToLong(e -> e.getValue() - cpuStart.getOrDefault(e.getKey(), 0L)).sum();
            long clusterWal = Long.parseLong(text(s, "SELECT pg_wal_lsn_diff('" + endLsn + "', '" + startLsn
                    + "')::bigint::text"));
            out.append(String.format("  pg backends CPU %.2f s -> %.1f ms per 1000 steps; cluster WAL %.0f B/step%n",
                    ticks / 100.0, ticks * 10.0 * 1000 / steps, (double) clusterWal / steps));
            Thread.sleep(11_000);
            if (walinspect) {
                out.append(walOfDatabase(s, endLsn, steps));
            }
            try (ResultSet rs = s.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del"
                    + " FROM pg_stat_user_tables WHERE n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY relname")) {
                while (rs.next()) {
                    out.append(String.format("  %-24s ins %.2f upd %.2f (hot %.2f) del %.2f per step%n",
                            rs.getString(1), rs.getLong(2) / (double) steps, rs.getLong(3) / (double) steps,
                            rs.getLong(4) / (double) steps, rs.getLong(5) / (double) steps));
                }
            }
        } finally {
            connection.close();
        }
        return out.toString();
    }

    private String walOfDatabase(Statement s, String endLsn, int steps) throws SQLException {
        String oid = text(s, "SELECT oid::text FROM pg_database WHERE datname = current_database()");
        StringBuilder out = new StringBuilder();
        long total = 0;
        long fpi = 0;
        try (ResultSet rs = s.executeQuery("SELECT resource_manager || ' ' || split_part(record_type, ' ', 1),"
                + " count(*), sum(record_length), sum(fpi_length) FROM pg_get_wal_records_info('" + startLsn + "', '"
                + endLsn + "') WHERE block_ref LIKE '%/" + oid + "/%' GROUP BY 1 ORDER BY 3 DESC")) {
            while (rs.next()) {
                total += rs.getLong(3);
                fpi += rs.getLong(4);
                out.append(String.format("    %-28s %.2f records, %.0f B per step%n", rs.getString(1),
                        rs.getLong(2) / (double) steps, rs.getLong(3) / (double) steps));
            }
        }
        return String.format("  database WAL %.0f B/step, of which full-page images %.0f B/step%n", total / (double) steps,
                fpi / (double) steps) + out;
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** User plus system clock ticks of every backend of this database, by process id (empty if unreadable). */
    private static Map<Integer, Long> backendCpu(Statement s) throws SQLException {
        Map<Integer, Long> ticks = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                int pid = rs.getInt(1);
                try {
                    String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException e) {
                    // another host or a process gone: no CPU figure for it
                }
            }
        }
        return ticks;
    }
}
