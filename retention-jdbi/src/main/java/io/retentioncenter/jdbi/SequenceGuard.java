package io.retentioncenter.jdbi;

import java.util.Collection;
import org.jdbi.v3.core.Handle;

/**
 * Keeps sequences from being deleted while leads are enrolled in them. On PostgreSQL an intake holds
 * a shared transaction-level advisory lock per sequence and {@code deleteSequence} takes it
 * exclusively, before anything else, so a delete waits for running intakes and an intake started
 * after a delete sees the moved configuration version. Advisory locks live in the server's lock
 * table: unlike a share lock on the sequence row, which every concurrent intake would otherwise take
 * on the same row (each one writing the row's lock state and WAL), they write nothing. On H2 (one
 * engine) the sequence rows themselves are locked.
 */
final class SequenceGuard {
    /** The advisory lock class of sequences ("RCSQ"), the first half of each lock's key. */
    private static final int LOCK_CLASS = 0x52435351;
    private static final String SHARED = "SELECT COUNT(pg_advisory_xact_lock_shared(" + LOCK_CLASS
            + ", hashtext(s))) FROM unnest(CAST(:ids AS text[])) s";
    private static final String EXCLUSIVE = "SELECT COUNT(pg_advisory_xact_lock(" + LOCK_CLASS + ", hashtext(:id)))";
    private static final String LOCK_ROWS = "SELECT id FROM <schema>rc_sequence WHERE id = ANY(:ids) ORDER BY id"
            + " FOR UPDATE";

    private SequenceGuard() {
    }

    /** Holds the sequences {@code ids} (sorted, distinct) until the transaction of {@code h} ends. */
    static void holdShared(Handle h, Dialect dialect, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String[] sorted = ids.stream().distinct().sorted().toArray(String[]::new);
        if (dialect == Dialect.POSTGRESQL) {
            h.createQuery(SHARED).bind("ids", sorted).mapTo(Long.class).one();
        } else {
            h.createQuery(LOCK_ROWS).bind("ids", sorted).mapTo(String.class).list();
        }
    }

    /** Waits for intakes holding sequence {@code id} and keeps new ones out until the transaction ends. */
    static void holdExclusive(Handle h, Dialect dialect, String id) {
        if (dialect == Dialect.POSTGRESQL) {
            h.createQuery(EXCLUSIVE).bind("id", id).mapTo(Long.class).one();
        }
    }
}
