package io.retentioncenter.jdbi;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.internal.InputText;
import io.retentioncenter.core.internal.Require;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The store's Flyway migrations: shared SQL in {@code db/migration/common} plus the database's own
 * folder ({@code db/migration/postgresql} or {@code db/migration/h2}), recorded in the history table
 * {@value #HISTORY_TABLE} so they never mix with the host's own migrations. Migrating an up-to-date
 * database does nothing; several engines migrating at once are serialized by Flyway's lock on
 * PostgreSQL, and by a lock of this class on H2 (Flyway's H2 lock is a row lock on the history table,
 * which locks nothing while that table is new and empty; an embedded H2 database is only shared
 * within one JVM). A schema that holds the host's tables but no history yet is baselined at version 0
 * and then migrated.
 */
public final class RetentionMigrations {
    /** Name of the Flyway history table. */
    public static final String HISTORY_TABLE = "rc_schema_history";

    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** Serializes migrations of H2 databases in this JVM, which Flyway's own H2 lock does not. */
    private static final Object H2_MIGRATIONS = new Object();

    private RetentionMigrations() {
    }

    /**
     * Brings the store's tables in {@code schema} (or the connection's default schema) up to date,
     * creating the schema when it does not exist.
     *
     * @return the number of migrations applied, 0 when the database was up to date
     * @throws ConfigurationException when the schema name is not a plain SQL identifier
     * @throws StoreException when the database cannot be reached or a migration fails; transient when the
     *     connection was lost (migrating again resumes where it stopped)
     */
    public static int migrate(DataSource dataSource, Optional<String> schema) {
        Require.present(dataSource, "dataSource");
        Require.present(schema, "schema");
        return migrate(dataSource, Dialect.of(dataSource), schema.map(RetentionMigrations::checkedSchema));
    }

    /** Migrates a database whose dialect is known; {@code schema} is checked already. */
    static int migrate(DataSource dataSource, Dialect dialect, Optional<String> schema) {
        FluentConfiguration config = Flyway.configure(RetentionMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations("classpath:db/migration/common", dialect.migrationLocation())
                .baselineOnMigrate(true)
                .baselineVersion("0");
        schema.ifPresent(name -> config.schemas(name).defaultSchema(name));
        if (dialect == Dialect.H2) {
            synchronized (H2_MIGRATIONS) {
                return runWithOneRetry(config);
            }
        }
        return runWithOneRetry(config);
    }

    private static int runWithOneRetry(FluentConfiguration config) {
        try {
            return config.load().migrate().migrationsExecuted;
        } catch (FlywayException first) {
            // Engines starting together on a new schema can race Flyway's create-or-baseline decision
            // (one creates the schema and history while the other decides to baseline); the second
            // look sees a consistent schema and finds nothing or little left to do.
            try {
                return config.load().migrate().migrationsExecuted;
            } catch (FlywayException e) {
                e.addSuppressed(first);
                throw new StoreException("migrating the retention store failed", e, SqlStates.isTransient(e));
            }
        }
    }

    /** {@code schema} if it is a plain SQL identifier (letters, digits, underscores; at most 63 characters). */
    static String checkedSchema(String schema) {
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
            throw new ConfigurationException("schema must be a plain SQL identifier (letters, digits, underscores,"
                    + " at most 63 characters), was " + InputText.echo(schema));
        }
        return schema;
    }
}
