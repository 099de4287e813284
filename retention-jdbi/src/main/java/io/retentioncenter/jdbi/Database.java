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
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.extension.ExtensionCallback;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's access to the database: a configured {@link Jdbi} whose statements name tables through
 * the {@code <schema>} attribute, run as transactions or single statements. Every JDBI or SQL failure
 * leaves as a {@link StoreException} naming the operation, with the driver's exception as cause, marked
 * {@linkplain StoreException#isTransient() transient} for a lost connection or a conflict. Deadlocks and
 * serialization failures are retried a few times first; reads and the guarded writes that finish work
 * are also retried on a fresh connection when theirs is lost (see {@link Retry}).
 */
final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Runs of a unit of work that hit a deadlock, serialization failure or duplicate: reruns are immediate. */
    private static final int CONFLICT_TRIES = 3;
    /**
     * Runs of a unit of work whose connection was lost (a killed backend, a database restart, no pooled
     * connection in time): at most 5, each on a fresh connection from the pool (see
     * {@link LostConnections}), after pauses of 250, 500, 1000 and 2000 ms, and none starts later than
     * {@link #RETRY_WINDOW} after the first. That bridges a failover or restart of a few seconds, while a
     * longer outage still fails the call (as a transient {@link StoreException}) in bounded time: the
     * window plus the pool's connection timeout.
     */
    private static final int CONNECTION_TRIES = 5;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration RETRY_WINDOW = Duration.ofSeconds(10);
    /** Characters of a failed statement's text kept in its exception message. */
    private static final int STATEMENT_TEXT_LIMIT = 1_000;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final LostConnections lostConnections;
    private final String schemaPrefix;

    /** Wraps {@code dataSource}; {@code schema}, when present, qualifies every table name. */
    Database(DataSource dataSource, Dialect dialect, Optional<String> schema) {
        this.dialect = dialect;
        this.lostConnections = LostConnections.of(dataSource);
        this.jdbi = Jdbi.create(dataSource);
        jdbi.installPlugin(new SqlObjectPlugin());
        this.schemaPrefix = schema.map(name -> "\"" + name + "\".").orElse("");
        jdbi.define("schema", schemaPrefix);
        jdbi.registerArgument(new InstantArgumentFactory());
        // shared argument sets (claims) bind values some of their statements do not use
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        // statement text only: bound values (emails, phones) must not end up in exception messages
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutValues);
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

    /** {@code sql} with {@code <schema>} replaced as Jdbi replaces it, for SQL that does not go through Jdbi. */
    String withSchema(String sql) {
        return sql.replace("<schema>", schemaPrefix);
    }

    /** The database's dialect. */
    Dialect dialect() {
        return dialect;
    }

    /**
     * Which failures roll a unit of work back and run it again. Conflicts (deadlocks, serialization
     * failures) and duplicates are rerun at once, at most {@value #CONFLICT_TRIES} runs in all; a lost
     * connection is rerun on a fresh pooled connection after a growing pause (see
     * {@link #CONNECTION_TRIES}), for work that is safe to repeat although its first commit may have
     * landed unacknowledged: reads, and writes guarded in SQL by owner and status, which then find
     * nothing left to apply and say so (false, STALE, empty).
     */
    enum Retry {
        /** None: the work has effects outside the database (it feeds a caller's sink). */
        NEVER(false, false, false),
        /** Deadlocks and serialization failures. */
        ON_CONFLICT(true, false, false),
        /** Also unique violations: a concurrent insert the work checked for but could not yet see. */
        ON_CONFLICT_OR_DUPLICATE(true, true, false),
        /** Conflicts and lost connections: reads, and writes guarded by owner and status. */
        ON_CONFLICT_OR_LOST_CONNECTION(true, false, true),
        /** Conflicts, unique violations and lost connections. */
        ON_CONFLICT_DUPLICATE_OR_LOST_CONNECTION(true, true, true);

        private final boolean conflicts;
        private final boolean duplicates;
        private final boolean lostConnections;

        Retry(boolean conflicts, boolean duplicates, boolean lostConnections) {
            this.conflicts = conflicts;
            this.duplicates = duplicates;
            this.lostConnections = lostConnections;
        }

        /** Whether a conflict or duplicate reruns the work right away. */
        boolean rerunsAtOnce(JdbiException e) {
            return conflicts && SqlStates.isTransientConflict(e) || duplicates && SqlStates.isUniqueViolation(e);
        }

        /** Whether a lost connection reruns the work on a fresh connection. */
        boolean rerunsOnFreshConnection(JdbiException e) {
            return lostConnections && SqlStates.isConnectionLoss(e);
        }
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
        return run(operation, retry, () -> jdbi.inTransaction(work));
    }

    private <T> T run(String operation, Retry retry, Supplier<T> work) {
        long started = System.nanoTime();
        for (int tried = 1; ; tried++) {
            try {
                return work.get();
            } catch (JdbiException e) {
                if (retry.rerunsOnFreshConnection(e) && tried < CONNECTION_TRIES) {
                    long pause = FIRST_PAUSE.toNanos() << (tried - 1);
                    if (System.nanoTime() - started + pause <= RETRY_WINDOW.toNanos()) {
                        LOG.info("{} lost its connection (SQLState {}); try {} of {} on a fresh connection in {} ms",
                                operation, SqlStates.of(e), tried + 1, CONNECTION_TRIES, pause / 1_000_000);
                        lostConnections.evictIdle();
                        pause(operation, e, pause);
                        continue;
                    }
                }
                if (tried >= CONFLICT_TRIES || !retry.rerunsAtOnce(e)) {
                    throw failure(operation, e);
                }
                LOG.debug("{} rolled back (SQLState {}), running it again", operation, SqlStates.of(e));
            }
        }
    }

    private static void pause(String operation, JdbiException cause, long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure(operation, cause);
        }
    }

    /** Runs {@code work} on a handle in auto-commit mode: each statement is its own transaction. */
    <T> T withHandle(String operation, HandleCallback<T, RuntimeException> work) {
        return run(operation, Retry.NEVER, () -> jdbi.withHandle(work));
    }

    /**
     * Runs the reads in {@code work} with the SQL object {@code queries} on a handle in auto-commit
     * mode; a lost connection runs them again on a fresh one, as they change nothing.
     */
    <Q, T> T read(String operation, Class<Q> queries, ExtensionCallback<T, Q, RuntimeException> work) {
        return run(operation, Retry.ON_CONFLICT_OR_LOST_CONNECTION, () -> jdbi.withExtension(queries, work));
    }

    /**
     * The message of a failed statement: the driver's message and the statement's text, shortened, but
     * none of its bound values (JDBI's own renderings other than NONE include them).
     */
    private static String withoutValues(StatementException e) {
        StatementContext context = e.getStatementContext();
        String sql = context == null ? null : context.getRenderedSql();
        if (sql == null) {
            return e.getShortMessage();
        }
        String shortened = sql.length() <= STATEMENT_TEXT_LIMIT ? sql : sql.substring(0, STATEMENT_TEXT_LIMIT) + "...";
        return e.getShortMessage() + " [statement: \"" + shortened + "\"]";
    }

    /** A {@link StoreException} naming {@code operation}, transient when a retry may succeed. */
    private static StoreException failure(String operation, JdbiException e) {
        String state = SqlStates.of(e);
        return new StoreException(operation + " failed" + (state == null ? "" : " (SQLState " + state + ")"), e,
                SqlStates.isTransient(e));
    }
}
