package io.retentioncenter.jdbi;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.PaceState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Test attempts, which touch no lead, and per-lead pace reservations under the pace row's lock. */
final class OutreachRepository {
    private static final String BY_ID_OR_KEY = "SELECT * FROM <schema>rc_attempt WHERE id = :id UNION ALL"
            + " SELECT * FROM <schema>rc_attempt WHERE idempotency_key = :key";
    private static final String LOCK_PACE = "SELECT last_contact_at, day_start, day_count FROM <schema>rc_lead_pace"
            + " WHERE lead_id = :leadId FOR UPDATE";
    private static final String INSERT_PACE = "INSERT INTO <schema>rc_lead_pace (lead_id, last_contact_at, day_start,"
            + " day_count) VALUES (:leadId, :lastContactAt, :dayStart, :dayCount)";
    private static final String UPDATE_PACE = "UPDATE <schema>rc_lead_pace SET last_contact_at = :lastContactAt,"
            + " day_start = :dayStart, day_count = :dayCount WHERE lead_id = :leadId";
    private static final String READ_PACE = "SELECT last_contact_at, day_start, day_count FROM <schema>rc_lead_pace"
            + " WHERE lead_id = :leadId";
    /**
     * PostgreSQL takes the pace in one statement: the upsert locks the lead's row and checks the rules
     * on its latest version ({@link PaceState#allows}: the last contact at or before {@code at - minGap},
     * and another day or room in this one), so it is as atomic as the locked read-and-write.
     */
    private static final String UPSERT_PACE = "INSERT INTO <schema>rc_lead_pace AS p (lead_id, last_contact_at,"
            + " day_start, day_count) VALUES (:leadId, :at, :dayStart, 1) ON CONFLICT (lead_id) DO UPDATE"
            + " SET last_contact_at = EXCLUDED.last_contact_at,"
            + " day_count = CASE WHEN p.day_start = EXCLUDED.day_start THEN p.day_count + 1 ELSE 1 END,"
            + " day_start = EXCLUDED.day_start"
            + " WHERE p.last_contact_at <= :latestLast AND (p.day_start <> EXCLUDED.day_start OR p.day_count < :cap)";

    private final Database db;

    OutreachRepository(Database db) {
        this.db = db;
    }

    /** Inserts unless the id or key exists (the unique key decides a race), then reads what is stored. */
    ContactAttempt insertTest(ContactAttempt attempt) {
        return db.inTransaction("insertTestAttempt", Database.Retry.ON_CONFLICT_OR_LOST_CONNECTION, h -> {
            Optional<ContactAttempt> stored = stored(h, attempt);
            if (stored.isPresent()) {
                return stored.get();
            }
            db.dialect().insertIfAbsent(h, AttemptRows.INSERT, u -> AttemptRows.bind(u, attempt));
            return stored(h, attempt).orElseThrow();
        });
    }

    private static Optional<ContactAttempt> stored(Handle h, ContactAttempt attempt) {
        return h.createQuery(BY_ID_OR_KEY).bind("id", attempt.id()).bind("key", attempt.idempotencyKey())
                .mapTo(ContactAttempt.class).findFirst();
    }

    /**
     * Under the pace row's lock (a lead's first pace is inserted; a racing first insert hits the key
     * and the whole unit reruns, then finds the row), takes the contact when the state allows it.
     */
    Optional<PaceState> tryReserve(String leadId, Instant at, Instant dayStart, int dailyCap, Duration minGap) {
        if (db.dialect() == Dialect.POSTGRESQL) {
            return upsert(leadId, at, dayStart, dailyCap, minGap);
        }
        return db.inTransaction("tryReservePace", Database.Retry.ON_CONFLICT_DUPLICATE_OR_LOST_CONNECTION, h -> {
            Optional<PaceState> current = pace(h, LOCK_PACE, leadId);
            if (current.isPresent() && !current.get().allows(at, dayStart, dailyCap, minGap)) {
                return current;
            }
            PaceState next = current.map(c -> c.after(at, dayStart)).orElseGet(() -> PaceState.first(at, dayStart));
            h.createUpdate(current.isPresent() ? UPDATE_PACE : INSERT_PACE)
                    .bind("leadId", leadId)
                    .bindByType("lastContactAt", next.lastContactAt(), Instant.class)
                    .bindByType("dayStart", next.dayStart(), Instant.class)
                    .bind("dayCount", next.dayCount())
                    .execute();
            return Optional.empty();
        });
    }

    /** The one-statement take of PostgreSQL (autocommitted); on a refusal, the state that refused it. */
    private Optional<PaceState> upsert(String leadId, Instant at, Instant dayStart, int dailyCap, Duration minGap) {
        return db.withHandle("tryReservePace", h -> {
            int taken = h.createUpdate(UPSERT_PACE)
                    .bind("leadId", leadId)
                    .bindByType("at", at, Instant.class)
                    .bindByType("dayStart", dayStart, Instant.class)
                    .bindByType("latestLast", at.minus(minGap), Instant.class)
                    .bind("cap", dailyCap)
                    .execute();
            return taken == 1 ? Optional.<PaceState>empty() : pace(h, READ_PACE, leadId);
        });
    }

    private static Optional<PaceState> pace(Handle h, String sql, String leadId) {
        return h.createQuery(sql).bind("leadId", leadId)
                .map((rs, ctx) -> new PaceState(Columns.instant(rs, "last_contact_at"),
                        Columns.instant(rs, "day_start"), rs.getInt("day_count")))
                .findOne();
    }
}
