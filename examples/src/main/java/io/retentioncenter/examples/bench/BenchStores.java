package io.retentioncenter.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.jdbi.DataSources;
import io.retentioncenter.jdbi.JdbiRetentionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The stores a benchmark can run on: {@code memory}; {@code h2} (an H2 file database in the temp
 * folder through the JDBI store, so the data does not share the benchmark's heap); {@code postgres}
 * (a schema {@code rc_bench_*} in the benchmarks' own database, {@code RC_BENCH_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/rc_bench}, created when missing, as
 * {@code RC_PG_USER}/{@code RC_PG_PASSWORD}). Both are deleted afterwards unless kept by name (see
 * {@link #open(String, Optional)}). Each separate store gets its own connection pool, as another
 * host would.
 */
final class BenchStores {
    private static final int POOL_SIZE = 8;
    /** The benchmarks' own database, created when missing: never the test suite's {@code test}. */
    private static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/rc_bench";

    private BenchStores() {
    }

    /** An open store and a way to get more instances on the same data (as separate hosts would). */
    interface Handle extends AutoCloseable {
        /** The store. */
        RetentionStore store();

        /** Another store object on the same data with its own resources (its own pool). */
        RetentionStore separateStore();

        /**
         * Refreshes the planner statistics after loading, as a production database's autovacuum
         * would soon after a bulk load (no-op in memory).
         */
        void analyze();

        /**
         * Adds a finished history set-based in SQL, as years of use would leave it: {@code enrollments}
         * COMPLETED enrollments (one lead per five, one execution each) and {@code attempts} SENT
         * attempts, then ANALYZE. Databases only.
         */
        default void loadHistory(int enrollments, int attempts) {
            seed(sql -> FinishedHistory.statements(sql, enrollments, attempts));
        }

        /** Whether this store is a database that {@link #seed} can write to (else memory). */
        boolean takesSql();

        /**
         * The SQL pieces for this database's tables ({@link SeedSql}).
         *
         * @throws ConfigurationException in memory
         */
        SeedSql sql();

        /**
         * Runs set-based SQL built for this database ({@link SeedSql}), statement by statement with
         * auto-commit, then ANALYZE.
         *
         * @throws ConfigurationException in memory
         */
        void seed(Function<SeedSql, List<String>> statements);

        /**
         * The number the query built for this database returns ({@code SELECT count(*) ...}).
         *
         * @throws ConfigurationException in memory
         */
        long count(Function<SeedSql, String> query);

        /**
         * How many threads load benchmark data in parallel: several for PostgreSQL, one where
         * parallel writers only queue on locks (H2) or share one lock anyway (memory).
         */
        int loaders();

        @Override
        void close();
    }

    /** Opens a fresh store of {@code kind}: {@code memory}, {@code h2} or {@code postgres}; dropped on close. */
    static Handle open(String kind) {
        return open(kind, Optional.empty());
    }

    /**
     * Opens a store of {@code kind}. With a {@code kept} name the H2 file or PostgreSQL schema is
     * {@code rc_bench_<kept>}, reopened when it exists and kept on close, so that a benchmark can load
     * its data once and measure many times; without one it is fresh and dropped on close.
     */
    static Handle open(String kind, Optional<String> kept) {
        kept.filter(name -> !name.matches("[a-z0-9_]{1,40}")).ifPresent(name -> {
            throw new ConfigurationException("a kept benchmark store needs a name of [a-z0-9_], was " + name);
        });
        String name = "rc_bench_" + kept.orElse(UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        return switch (kind) {
            case "memory" -> memory();
            case "h2" -> new JdbcHandle("jdbc:h2:file:" + System.getProperty("java.io.tmpdir") + "/" + name
                    + ";DB_CLOSE_DELAY=-1", "sa", "", Optional.empty(), kept.isPresent());
            case "postgres" -> new JdbcHandle(postgresUrl(), postgresUser(), postgresPassword(), Optional.of(name),
                    kept.isPresent());
            default -> throw new ConfigurationException("unknown store kind " + kind + "; use memory, h2 or postgres");
        };
    }

    /**
     * Creates the benchmark's own database when it is missing (through the server's {@code postgres}
     * database), so that benchmarks never share the test suite's database.
     */
    static String ensureDatabase(String url, String user, String password) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String name = url.substring(slash + 1, query < 0 ? url.length() : query);
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new ConfigurationException("benchmark database name must be a plain identifier, was " + name);
        }
        String admin = url.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : url.substring(query));
        try (Connection c = java.sql.DriverManager.getConnection(admin, user, password);
                Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new ConfigurationException("cannot create the benchmark database " + name + ": " + e.getMessage());
        }
        return url;
    }

    private static Handle memory() {
        InMemoryRetentionStore store = new InMemoryRetentionStore();
        return new Handle() {
            @Override
            public RetentionStore store() {
                return store;
            }

            @Override
            public RetentionStore separateStore() {
                return store;
            }

            @Override
            public int loaders() {
                return 1;
            }

            @Override
            public void analyze() {
                // nothing to analyze in memory
            }

            @Override
            public boolean takesSql() {
                return false;
            }

            @Override
            public SeedSql sql() {
                throw new ConfigurationException("the memory store takes no SQL");
            }

            @Override
            public void seed(Function<SeedSql, List<String>> statements) {
                throw new ConfigurationException("set-based seeding needs a database, not memory");
            }

            @Override
            public long count(Function<SeedSql, String> query) {
                throw new ConfigurationException("counting in SQL needs a database, not memory");
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    /** The benchmarks' PostgreSQL database (created when missing). */
    static String postgresUrl() {
        return ensureDatabase(env("RC_BENCH_PG_URL", DEFAULT_PG_URL), postgresUser(), postgresPassword());
    }

    static String postgresUser() {
        return env("RC_PG_USER", "postgres");
    }

    static String postgresPassword() {
        return env("RC_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** A JDBC database with one pool per store object. */
    private static final class JdbcHandle implements Handle {
        private final String url;
        private final String user;
        private final String password;
        private final Optional<String> schema;
        private final boolean kept;
        private final List<HikariDataSource> pools = new ArrayList<>();
        private final RetentionStore first;

        JdbcHandle(String url, String user, String password, Optional<String> schema, boolean kept) {
            this.url = url;
            this.user = user;
            this.password = password;
            this.schema = schema;
            this.kept = kept;
            this.first = separateStore();
        }

        @Override
        public RetentionStore store() {
            return first;
        }

        @Override
        public RetentionStore separateStore() {
            HikariDataSource pool = DataSources.pooled(url, user, password, POOL_SIZE);
            pools.add(pool);
            JdbiRetentionStore.Builder b = JdbiRetentionStore.builder().dataSource(pool);
            schema.ifPresent(b::schema);
            return b.build();
        }

        @Override
        public int loaders() {
            return schema.isPresent() ? 4 : 1;
        }

        @Override
        public boolean takesSql() {
            return true;
        }

        @Override
        public void analyze() {
            try (Connection c = pools.get(0).getConnection(); Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            } catch (SQLException e) {
                System.err.println("could not analyze the benchmark data: " + e.getMessage());
            }
        }

        @Override
        public void seed(Function<SeedSql, List<String>> statements) {
            try (Connection c = pools.get(0).getConnection(); Statement s = c.createStatement()) {
                for (String statement : statements.apply(sql())) {
                    s.execute(statement);
                }
                s.execute("ANALYZE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not seed the benchmark data: " + e.getMessage(), e);
            }
        }

        @Override
        public long count(Function<SeedSql, String> query) {
            try (Connection c = pools.get(0).getConnection(); Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery(query.apply(sql()))) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException("could not count in the benchmark data: " + e.getMessage(), e);
            }
        }

        @Override
        public SeedSql sql() {
            return new SeedSql(schema.map(name -> "\"" + name + "\".").orElse(""), schema.isPresent());
        }

        @Override
        public void close() {
            if (kept) {
                pools.forEach(HikariDataSource::close);
                return;
            }
            try (Connection c = pools.get(0).getConnection(); Statement s = c.createStatement()) {
                s.execute(schema.map(name -> "DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE")
                        .orElse("DROP ALL OBJECTS DELETE FILES"));
            } catch (SQLException e) {
                System.err.println("could not drop the benchmark data: " + e.getMessage());
            }
            pools.forEach(HikariDataSource::close);
        }
    }
}
