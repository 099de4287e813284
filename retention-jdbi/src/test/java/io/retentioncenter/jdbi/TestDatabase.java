package io.retentioncenter.jdbi;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of one test class: an H2 database in memory, or a PostgreSQL schema of its own (named
 * {@code rc_test_<random>}, dropped on close) so parallel runs never collide. PostgreSQL is reached at
 * {@code RC_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code RC_PG_USER}
 * (default {@code postgres}) with {@code RC_PG_PASSWORD}; when it is unreachable the test class is
 * skipped with a loud message, unless {@code RC_REQUIRE_POSTGRES=true}, which fails it instead. Test
 * sessions on PostgreSQL commit without waiting for the disk ({@code synchronous_commit=off}), which
 * changes durability only, not visibility or locking.
 */
final class TestDatabase implements AutoCloseable {
    /** The store's tables, children first. */
    static final List<String> TABLES = List.of("rc_arm_assignment", "rc_lead_pace", "rc_reengagement_rule", "rc_reengagement",
            "rc_rate_bucket", "rc_processed_event", "rc_unmatched_postback",
            "rc_conversion_replay", "rc_conversion", "rc_attempt", "rc_execution", "rc_enrollment", "rc_sequence",
            "rc_ab_test", "rc_script", "rc_campaign_lead", "rc_campaign", "rc_lead_status_change", "rc_lead");

    private final String url;
    private final String user;
    private final String password;
    private final Optional<String> schema;
    private final boolean postgres;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private JdbiRetentionStore store;

    private TestDatabase(String url, String user, String password, Optional<String> schema, boolean postgres) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
        this.postgres = postgres;
    }

    /** A fresh H2 database in memory (default schema). */
    static TestDatabase h2() {
        return new TestDatabase("jdbc:h2:mem:rc_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "", Optional.empty(), false);
    }

    /** A fresh schema on the test PostgreSQL; skips (or fails, when required) the caller when unreachable. */
    static TestDatabase postgres() {
        requirePostgres();
        String url = postgresUrl();
        String schema = "rc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String fastCommits = (url.contains("?") ? "&" : "?") + "options=-c%20synchronous_commit%3Doff";
        return new TestDatabase(url + fastCommits, postgresUser(), postgresPassword(), Optional.of(schema), true);
    }

    /** Skips (or fails, when required) the calling test class when the test PostgreSQL is unreachable. */
    static void requirePostgres() {
        String url = postgresUrl();
        // a refused connection fails at once; this only bounds a slow one, which a busy machine must be allowed
        DriverManager.setLoginTimeout(15);
        try {
            DriverManager.getConnection(url, postgresUser(), postgresPassword()).close();
        } catch (SQLException e) {
            String message = "PostgreSQL is unreachable at " + url + " (" + e.getMessage() + ")";
            if (Boolean.parseBoolean(env("RC_REQUIRE_POSTGRES", "false"))) {
                fail(message + " and RC_REQUIRE_POSTGRES=true");
            }
            System.err.println("\n*** SKIPPING POSTGRESQL TESTS: " + message
                    + ". Set RC_PG_URL/RC_PG_USER/RC_PG_PASSWORD, or RC_REQUIRE_POSTGRES=true to fail instead. ***\n");
            Assumptions.abort(message);
        }
    }

    /** JDBC URL of the test PostgreSQL database ({@code RC_PG_URL}). */
    static String postgresUrl() {
        return env("RC_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    /** User on the test PostgreSQL ({@code RC_PG_USER}). */
    static String postgresUser() {
        return env("RC_PG_USER", "postgres");
    }

    /** Password on the test PostgreSQL ({@code RC_PG_PASSWORD}). */
    static String postgresPassword() {
        return env("RC_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Whether this is the PostgreSQL database. */
    boolean isPostgres() {
        return postgres;
    }

    /** The schema the store uses, when not the default one. */
    Optional<String> schema() {
        return schema;
    }

    /** A new connection pool on this database, closed with it: each pool plays one engine instance. */
    HikariDataSource pool(int size) {
        HikariDataSource pool = DataSources.pooled(url, user, password, size);
        pools.add(pool);
        return pool;
    }

    /**
     * A new pool whose connections use {@code schema} (created here when missing) as their default
     * schema, for a store built without a schema option.
     */
    HikariDataSource poolInDefaultSchema(String schema, int size) {
        execute(List.of("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\""));
        String option = postgres ? (url.contains("?") ? "&" : "?") + "currentSchema=" + schema : ";SCHEMA=\"" + schema + "\"";
        HikariDataSource pool = DataSources.pooled(url + option, user, password, size);
        pools.add(pool);
        return pool;
    }

    /** A store on a new pool of this database (migrating it), like another engine instance. */
    JdbiRetentionStore newStore() {
        return storeOn(pool(10));
    }

    /** A store on {@code dataSource} (a pool of this database, possibly wrapped), in this database's schema. */
    JdbiRetentionStore storeOn(javax.sql.DataSource dataSource) {
        JdbiRetentionStore.Builder builder = JdbiRetentionStore.builder().dataSource(dataSource);
        schema.ifPresent(builder::schema);
        return builder.build();
    }

    /** This class's shared store, emptied: the store of a test that needs a fresh, empty store. */
    JdbiRetentionStore emptyStore() {
        if (store == null) {
            store = newStore();
        } else {
            // DELETE beats TRUNCATE by far on tables this small
            List<String> statements = new ArrayList<>();
            TABLES.forEach(t -> statements.add("DELETE FROM " + table(t)));
            statements.add("UPDATE " + table("rc_config_version") + " SET version = 0");
            execute(statements);
        }
        return store;
    }

    /** Runs statements in auto-commit mode on a pooled connection of their own. */
    void execute(List<String> statements) {
        if (pools.isEmpty()) {
            pool(4);
        }
        try (Connection connection = pools.get(0).getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test database statement failed", e);
        }
    }

    /** A plain JDBC connection to this database (not from any pool). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Qualified name of a store table for plain SQL in tests. */
    String table(String name) {
        return schema.map(s -> "\"" + s + "\"." + name).orElse(name);
    }

    /** Drops the PostgreSQL schema or the H2 database and closes the pools. */
    @Override
    public void close() {
        execute(List.of(postgres ? "DROP SCHEMA IF EXISTS \"" + schema.orElseThrow() + "\" CASCADE" : "DROP ALL OBJECTS"));
        pools.forEach(HikariDataSource::close);
    }
}
