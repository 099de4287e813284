package io.retentioncenter.examples.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import io.retentioncenter.jdbi.DataSources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * db-scheduler on the benchmarks' PostgreSQL database, as its authors benchmark it: {@code n} due
 * executions of a no-op one-time task inserted beforehand (then ANALYZE), drained by
 * {@code instances} schedulers of {@code threads} threads each, polling with lock-and-fetch, each
 * with its own connection pool. Its table (the DDL of db-scheduler's README for PostgreSQL) lives in
 * a fresh schema, dropped afterwards.
 */
final class DbSchedulerRun {
    private DbSchedulerRun() {
    }

    /** Drains {@code n} due executions; returns executions per second (until the table is empty). */
    static double run(int n, int instances, int threads) throws Exception {
        String url = BenchStores.postgresUrl();
        String schema = "dbs_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String table = schema + ".scheduled_tasks";
        try (HikariDataSource admin = DataSources.pooled(url, BenchStores.postgresUser(),
                BenchStores.postgresPassword(), 2)) {
            execute(admin, "CREATE SCHEMA " + schema,
                    "CREATE TABLE " + table + " (task_name text NOT NULL, task_instance text NOT NULL, task_data bytea,"
                            + " execution_time timestamp with time zone, picked boolean NOT NULL, picked_by text,"
                            + " last_success timestamp with time zone, last_failure timestamp with time zone,"
                            + " consecutive_failures int, last_heartbeat timestamp with time zone,"
                            + " version bigint NOT NULL, priority smallint, state text,"
                            + " PRIMARY KEY (task_name, task_instance))",
                    "CREATE INDEX ON " + table + " (execution_time)",
                    "CREATE INDEX ON " + table + " (last_heartbeat)",
                    "CREATE INDEX ON " + table + " (priority DESC, execution_time ASC)",
                    "INSERT INTO " + table + " (task_name, task_instance, execution_time, picked, version)"
                            + " SELECT 'noop', 'i' || g, now() - interval '1 minute', false, 1"
                            + " FROM generate_series(1, " + n + ") g",
                    "ANALYZE " + table);
            try {
                return drain(admin, table, n, instances, threads, url);
            } finally {
                execute(admin, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static double drain(HikariDataSource admin, String table, int n, int instances, int threads, String url)
            throws Exception {
        CountDownLatch executed = new CountDownLatch(n);
        OneTimeTask<Void> noop = Tasks.oneTime("noop").execute((instance, context) -> executed.countDown());
        List<HikariDataSource> pools = new ArrayList<>();
        List<Scheduler> schedulers = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                HikariDataSource pool = DataSources.pooled(url, BenchStores.postgresUser(),
                        BenchStores.postgresPassword(), threads + 2);
                pools.add(pool);
                schedulers.add(Scheduler.create(pool, noop).tableName(table).threads(threads)
                        .pollUsingLockAndFetch(0.5, 1.0).pollingInterval(Duration.ofSeconds(1))
                        .schedulerName(new SchedulerName.Fixed("bench-" + i)).build());
            }
            long start = System.nanoTime();
            schedulers.forEach(Scheduler::start);
            if (!executed.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("db-scheduler did not finish");
            }
            while (remaining(admin, table) > 0) {
                Thread.sleep(10);
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            schedulers.forEach(Scheduler::stop);
            pools.forEach(HikariDataSource::close);
        }
    }

    private static long remaining(HikariDataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(HikariDataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
