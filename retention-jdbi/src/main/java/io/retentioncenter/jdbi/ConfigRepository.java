package io.retentioncenter.jdbi;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.RetentionSequence;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Campaigns, scripts, A/B tests and sequences. Every change runs in one transaction that first bumps
 * {@code rc_config_version}: its row lock serializes configuration writers, and the new version tells
 * every engine sharing the database that its caches are stale.
 */
final class ConfigRepository {
    private static final String LOCK_VERSION = "SELECT version FROM <schema>rc_config_version WHERE id = 1 FOR UPDATE";
    private static final String BUMP_VERSION = "UPDATE <schema>rc_config_version SET version = version + 1 WHERE id = 1";
    private static final String LOCK_SEQUENCE = "SELECT id FROM <schema>rc_sequence WHERE id = :id FOR UPDATE";
    private static final String ANY_ENROLLMENT = "SELECT id FROM <schema>rc_enrollment WHERE sequence_id = :id LIMIT 1";
    private static final String DELETE_SEQUENCE = "DELETE FROM <schema>rc_sequence WHERE id = :id";
    private static final String DELETE_SCRIPT = "DELETE FROM <schema>rc_script WHERE id = :id";

    private final Database db;

    ConfigRepository(Database db) {
        this.db = db;
    }

    void save(Campaign campaign) {
        save("saveCampaign", CampaignRows.REPLACE, CampaignRows.INSERT, u -> CampaignRows.bind(u, campaign));
    }

    void save(Script script) {
        save("saveScript", ScriptRows.REPLACE, ScriptRows.INSERT, u -> ScriptRows.bind(u, script));
    }

    void save(AbTest test) {
        save("saveAbTest", AbTestRows.REPLACE, AbTestRows.INSERT, u -> AbTestRows.bind(u, test));
    }

    void save(RetentionSequence sequence) {
        save("saveSequence", SequenceRows.REPLACE, SequenceRows.INSERT, u -> SequenceRows.bind(u, sequence));
    }

    /** Replaces the row, or inserts it when none exists; the version lock rules out a racing insert. */
    private void save(String operation, String replace, String insert, UnaryOperator<Update> binder) {
        db.inTransaction(operation, h -> {
            h.createUpdate(BUMP_VERSION).execute();
            if (binder.apply(h.createUpdate(replace)).execute() == 0) {
                binder.apply(h.createUpdate(insert)).execute();
            }
            return null;
        });
    }

    /**
     * Deletes a sequence without enrollments. Waits for lead intakes enrolling in it
     * ({@link SequenceGuard}), locks the version row, then the sequence row (which {@code enroll}
     * share-locks), then checks for enrollments in a fresh statement, so an enrollment
     * committed meanwhile is seen.
     */
    boolean deleteSequence(String sequenceId) {
        return db.inTransaction("deleteSequence", h -> {
            SequenceGuard.holdExclusive(h, db.dialect(), sequenceId);
            h.createQuery(LOCK_VERSION).mapTo(Long.class).one();
            if (!exists(h, LOCK_SEQUENCE, sequenceId) || exists(h, ANY_ENROLLMENT, sequenceId)) {
                return false;
            }
            h.createUpdate(DELETE_SEQUENCE).bind("id", sequenceId).execute();
            h.createUpdate(BUMP_VERSION).execute();
            return true;
        });
    }

    /** Deletes a script; the version moves only when a row went. */
    boolean deleteScript(String scriptId) {
        return db.inTransaction("deleteScript", h -> {
            h.createQuery(LOCK_VERSION).mapTo(Long.class).one();
            if (h.createUpdate(DELETE_SCRIPT).bind("id", scriptId).execute() == 0) {
                return false;
            }
            h.createUpdate(BUMP_VERSION).execute();
            return true;
        });
    }

    private static boolean exists(Handle handle, String sql, String id) {
        return handle.createQuery(sql).bind("id", id).mapTo(String.class).findFirst().isPresent();
    }
}
