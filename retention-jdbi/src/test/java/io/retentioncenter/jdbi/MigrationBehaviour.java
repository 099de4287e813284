package io.retentioncenter.jdbi;

import static io.retentioncenter.core.store.StoreFixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConfigurationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Flyway migrations: idempotent, recorded in {@code rc_schema_history}, confined to the chosen
 * schema, able to join a schema that already holds the host's tables, and safe to run from several
 * engines at once. Each test works in a schema of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MigrationBehaviour {
    private static final List<String> STORE_TABLES = List.of("rc_attempt", "rc_ab_test", "rc_campaign",
            "rc_campaign_lead", "rc_config_version", "rc_conversion", "rc_conversion_replay", "rc_enrollment",
            "rc_execution", "rc_lead", "rc_lead_pace", "rc_processed_event", "rc_rate_bucket", "rc_schema_history", "rc_script",
            "rc_reengagement", "rc_reengagement_rule", "rc_sequence", "rc_unmatched_postback", "rc_lead_status_change",
            "rc_arm_assignment");

    private TestDatabase database;
    private final List<String> schemas = new ArrayList<>();

    /** The database of this run. */
    abstract TestDatabase openDatabase();

    /** The database of this run, open for the class's tests. */
    TestDatabase database() {
        return database;
    }

    @BeforeAll
    void open() {
        database = openDatabase();
    }

    @AfterAll
    void close() {
        if (database != null) {
            database.execute(schemas.stream().map(s -> "DROP SCHEMA IF EXISTS \"" + s + "\" CASCADE").toList());
            database.close();
        }
    }

    /** A schema name no other test or run uses; dropped after the class. */
    String newSchema() {
        String schema = "rc_mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        schemas.add(schema);
        return schema;
    }

    @Test
    void migratingAnUpToDateSchemaAppliesNothing() {
        String schema = newSchema();
        DataSource pool = database.pool(2);

        assertThat(RetentionMigrations.migrate(pool, Optional.of(schema))).isEqualTo(11);
        assertThat(RetentionMigrations.migrate(pool, Optional.of(schema))).isZero();
        JdbiRetentionStore store = JdbiRetentionStore.builder().dataSource(pool).schema(schema).build();

        assertThat(store.insertLeadIfAbsent(lead("lead_1")).created()).isTrue();
        assertThat(versions(schema)).containsExactly("1", "2", "3", "4", "5", "5.1", "6", "7", "8", "10", "11");
    }

    @Test
    void theTablesAndTheHistoryLiveInTheChosenSchemaOnly() throws SQLException {
        String schema = newSchema();

        JdbiRetentionStore.builder().dataSource(database.pool(2)).schema(schema).build();

        assertThat(tablesIn(schema)).containsExactlyInAnyOrderElementsOf(STORE_TABLES);
    }

    @Test
    void aSchemaHoldingTheHostsTablesIsBaselinedThenMigrated() throws SQLException {
        String schema = newSchema();
        database.execute(List.of("CREATE SCHEMA \"" + schema + "\"",
                "CREATE TABLE \"" + schema + "\".orders (id INTEGER PRIMARY KEY)",
                "INSERT INTO \"" + schema + "\".orders (id) VALUES (7)"));

        JdbiRetentionStore store = JdbiRetentionStore.builder().dataSource(database.pool(2)).schema(schema).build();

        assertThat(store.insertLeadIfAbsent(lead("lead_1")).created()).isTrue();
        assertThat(versions(schema)).containsExactly("0", "1", "2", "3", "4", "5", "5.1", "6", "7", "8", "10", "11");
        assertThat(tablesIn(schema)).contains("orders");
        assertThat(count("SELECT COUNT(*) FROM \"" + schema + "\".orders")).isEqualTo(1);
    }

    @Test
    void enginesStartingTogetherMigrateOnce() throws Exception {
        String schema = newSchema();
        ExecutorService engines = Executors.newFixedThreadPool(3);
        try {
            List<Future<JdbiRetentionStore>> starting = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                DataSource pool = database.pool(2);
                starting.add(engines.submit(() -> JdbiRetentionStore.builder().dataSource(pool).schema(schema).build()));
            }
            for (Future<JdbiRetentionStore> engine : starting) {
                assertThat(engine.get().configVersion()).isZero();
            }
        } finally {
            engines.shutdownNow();
        }
        assertThat(versions(schema)).containsExactly("1", "2", "3", "4", "5", "5.1", "6", "7", "8", "10", "11");
    }

    @Test
    void withoutASchemaTheConnectionsDefaultSchemaHoldsTheStore() throws SQLException {
        String schema = newSchema();
        DataSource pool = database.poolInDefaultSchema(schema, 2);

        JdbiRetentionStore store = JdbiRetentionStore.create(pool);

        assertThat(store.insertLeadIfAbsent(lead("lead_1")).created()).isTrue();
        assertThat(tablesIn(schema)).containsExactlyInAnyOrderElementsOf(STORE_TABLES);
    }

    @Test
    void badSettingsAreRejectedBeforeAnythingRuns() {
        assertThatThrownBy(() -> JdbiRetentionStore.builder().schema("rc; DROP TABLE x"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("schema");
        assertThatThrownBy(() -> JdbiRetentionStore.builder().build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dataSource");
        assertThatThrownBy(() -> JdbiRetentionStore.builder().dataSource(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("dataSource");
    }

    /** Versions in the history table; Flyway's own schema-creation marker has none. */
    private List<String> versions(String schema) {
        List<String> versions = new ArrayList<>();
        query("SELECT \"version\" FROM \"" + schema + "\".\"rc_schema_history\" WHERE \"version\" IS NOT NULL"
                + " ORDER BY \"installed_rank\"",
                rs -> versions.add(rs.getString(1)));
        return versions;
    }

    private List<String> tablesIn(String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private long count(String sql) {
        long[] count = new long[1];
        query(sql, rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    void query(String sql, RowReader reader) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Reads the current row. */
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
