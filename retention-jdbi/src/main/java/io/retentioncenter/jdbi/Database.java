package io.retentioncenter.jdbi;

import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.extension.ExtensionCallback;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's access to the database: a configured {@link Jdbi} whose statements name tables through
 * the {@code <schema>} attribute, run as transactions or single statements. Every JDBI or SQL failure
 * leaves as a {@link StoreException} naming the operation, with the driver's exception as cause, marked
 * {@linkplain StoreException#isTransient() transient} for a lost connection or a conflict; deadlocks and
 * serialization failures are retried a few times first.
 */
final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int TRIES = 3;

    private final Jdbi jdbi;
    private final Dialect dialect;

    /** Wraps {@code dataSource}; {@code schema}, when present, qualifies every table name. */
    Database(DataSource dataSource, Dialect dialect, Optional<String> schema) {
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.define("schema", schema.map(name -> "\"" + name + "\".").orElse(""));
        jdbi.registerArgument(new InstantArgumentFactory());
        // shared argument sets (claims) bind values some of their statements do not use
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        // statement text only: bound values (emails, phones) must not end up in exception messages
        jdbi.getConfig(StatementExceptions.class)
                .setMessageRendering(StatementExceptions.MessageRendering.SHORT_STATEMENT);
        jdbi.registerRowMapper(Lead.class, LeadRows::map);
        jdbi.registerRowMapper(Campaign.class, CampaignRows::map);
        jdbi.registerRowMapper(Script.class, ScriptRows::map);
        jdbi.registerRowMapper(AbTest.class, AbTestRows::map);
        jdbi.registerRowMapper(RetentionSequence.class, SequenceRows::map);
        jdbi.registerRowMapper(SequenceEnrollment.class, EnrollmentRows::map);
        jdbi.registerRowMapper(SequenceStepExecution.class, ExecutionRows::map);
        jdbi.registerRowMapper(ContactAttempt.class, AttemptRows::map);
        jdbi.registerRowMapper(Conversion.class, ConversionRows::map);
        jdbi.registerRowMapper(UnmatchedPostback.class, UnmatchedPostbackRows::map);
    }

    /** The database's dialect. */
    Dialect dialect() {
        return dialect;
    }

    /** Which failures roll a transaction back and run it again (at most three runs in all). */
    enum Retry {
        /** None: the work has effects outside the database (it feeds a caller's sink). */
        NEVER,
        /** Deadlocks and serialization failures. */
        ON_CONFLICT,
        /** Also unique violations: a concurrent insert the work checked for but could not yet see. */
        ON_CONFLICT_OR_DUPLICATE
    }

    /**
     * Runs {@code work} in one transaction at the connection's isolation (READ COMMITTED expected),
     * retrying deadlocks and serialization failures.
     */
    <T> T inTransaction(String operation, HandleCallback<T, RuntimeException> work) {
        return inTransaction(operation, Retry.ON_CONFLICT, work);
    }

    /** Runs {@code work} in one transaction, retrying the failures {@code retry} names. */
    <T> T inTransaction(String operation, Retry retry, HandleCallback<T, RuntimeException> work) {
        for (int tried = 1; ; tried++) {
            try {
                return jdbi.inTransaction(work);
            } catch (JdbiException e) {
                if (tried == TRIES || !retries(retry, e)) {
                    throw failure(operation, e);
                }
                LOG.debug("{} rolled back (SQLState {}), running it again", operation, SqlStates.of(e));
            }
        }
    }

    private static boolean retries(Retry retry, JdbiException e) {
        return switch (retry) {
            case NEVER -> false;
            case ON_CONFLICT -> SqlStates.isTransientConflict(e);
            case ON_CONFLICT_OR_DUPLICATE -> SqlStates.isTransientConflict(e) || SqlStates.isUniqueViolation(e);
        };
    }

    /** Runs {@code work} on a handle in auto-commit mode: each statement is its own transaction. */
    <T> T withHandle(String operation, HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw failure(operation, e);
        }
    }

    /** Runs {@code work} with the SQL object {@code queries} on a handle in auto-commit mode. */
    <Q, T> T read(String operation, Class<Q> queries, ExtensionCallback<T, Q, RuntimeException> work) {
        try {
            return jdbi.withExtension(queries, work);
        } catch (JdbiException e) {
            throw failure(operation, e);
        }
    }

    /** A {@link StoreException} naming {@code operation}, transient when a retry may succeed. */
    private static StoreException failure(String operation, JdbiException e) {
        String state = SqlStates.of(e);
        return new StoreException(operation + " failed" + (state == null ? "" : " (SQLState " + state + ")"), e,
                SqlStates.isTransient(e));
    }
}
