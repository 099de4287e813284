package io.retentioncenter.jdbi;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.contact.AttemptChange;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Attempts outside sequence steps, lookups and provider-event changes. */
final class AttemptRepository {
    private static final String LOCK = "SELECT * FROM <schema>rc_attempt WHERE id = :id FOR UPDATE";
    private static final String ADVANCE = "UPDATE <schema>rc_attempt SET status = :status,"
            + " provider_ref = :providerRef, error = :error, transcript = :transcript, keywords = :keywords,"
            + " updated_at = :updatedAt WHERE id = :id";

    private final Database db;

    AttemptRepository(Database db) {
        this.db = db;
    }

    /**
     * Under the lead's row lock: checks the contact limit, inserts the attempt unless its id or
     * idempotency key exists, counts the contact and moves a NEW or IN_PROGRESS lead to CONTACTED.
     */
    boolean insert(ContactAttempt attempt, int contactLimit) {
        return db.inTransaction("insertAttempt", h -> {
            LeadContact lead = LeadContact.lock(h, attempt.leadId()).get(attempt.leadId());
            if (lead == null) {
                throw new NotFoundException("lead", attempt.leadId());
            }
            if (!lead.contactable(contactLimit)
                    || db.dialect().insertIfAbsent(h, AttemptRows.INSERT, u -> AttemptRows.bind(u, attempt)) == 0) {
                return false;
            }
            LeadContact contacted = lead.contacted(attempt.createdAt());
            contacted.bind(h.createUpdate(LeadContact.UPDATE)).execute();
            LeadStatusChanges.write(h, lead.id(), lead.status(), contacted.status(), contacted.updatedAt());
            return true;
        });
    }

    Optional<ContactAttempt> find(String id) {
        return db.read("findAttempt", AttemptQueries.class, q -> q.find(id));
    }

    Optional<ContactAttempt> byProviderRef(String provider, String providerRef) {
        return db.read("findAttemptByProviderRef", AttemptQueries.class, q -> q.byProviderRef(provider, providerRef));
    }

    Optional<ContactAttempt> latest(String leadId, Channel channel) {
        return db.read("latestAttempt", AttemptQueries.class, q -> q.latestDispatched(leadId, channel.name()));
    }

    Map<String, List<ContactAttempt>> ofEnrollments(Collection<String> enrollmentIds) {
        if (enrollmentIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<ContactAttempt>> byEnrollment = new LinkedHashMap<>();
        db.read("attemptsOfEnrollments", AttemptQueries.class,
                q -> q.ofEnrollments(enrollmentIds.toArray(String[]::new)))
                .forEach(a -> byEnrollment.computeIfAbsent(a.enrollmentId().orElseThrow(), k -> new ArrayList<>())
                        .add(a));
        byEnrollment.replaceAll((id, attempts) -> List.copyOf(attempts));
        return byEnrollment;
    }

    Page<ContactAttempt> withStatus(AttemptStatus status, PageRequest page) {
        return db.read("listAttempts", AttemptQueries.class, q -> new Page<>(
                q.withStatus(status.name(), page.offset(), page.limit()), page.offset(),
                q.countWithStatus(status.name())));
    }

    /** Replaces an UNKNOWN attempt with {@code next} under its row lock, only while it is UNKNOWN. */
    boolean reopenUnknown(ContactAttempt next) {
        return db.inTransaction("reopenUnknownAttempt", h -> {
            ContactAttempt current = lock(h, next.id()).orElseThrow(() -> new NotFoundException("attempt", next.id()));
            if (current.status() != AttemptStatus.UNKNOWN) {
                return false;
            }
            AttemptRows.bind(h.createUpdate(AttemptRows.REPLACE), next).execute();
            return true;
        });
    }

    List<ContactAttempt> ofLead(String leadId) {
        return db.read("attemptsOfLead", AttemptQueries.class, q -> q.ofLead(leadId));
    }

    /**
     * Under the attempt's row lock: applies the change if the status may advance to it, or if it brings
     * the first transcript or keywords of a call (a late end-of-call report), keeping the status then.
     * The provider reference is kept only when the attempt has none; error and transcript replace
     * earlier ones when present; non-empty keywords replace earlier ones. A lost connection reruns it on
     * a fresh one: if the first run's commit landed, the change no longer applies and the rerun
     * returns empty.
     */
    Optional<ContactAttempt> advance(AttemptChange change, Instant at) {
        return db.inTransaction("advanceAttempt", Database.Retry.ON_CONFLICT_OR_LOST_CONNECTION, h -> {
            ContactAttempt a = lock(h, change.attemptId())
                    .orElseThrow(() -> new NotFoundException("attempt", change.attemptId()));
            Optional<ContactAttempt> changed = change.applyTo(a, at);
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            ContactAttempt advanced = changed.get();
            h.createUpdate(ADVANCE)
                    .bind("id", advanced.id())
                    .bind("status", advanced.status().name())
                    .bind("providerRef", advanced.providerRef().orElse(null))
                    .bind("error", advanced.error().orElse(null))
                    .bind("transcript", advanced.transcript().orElse(null))
                    .bind("keywords", Json.write(advanced.keywords()))
                    .bindByType("updatedAt", advanced.updatedAt(), Instant.class)
                    .execute();
            return Optional.of(advanced);
        });
    }

    private static Optional<ContactAttempt> lock(Handle handle, String attemptId) {
        return handle.createQuery(LOCK).bind("id", attemptId).mapTo(ContactAttempt.class).findOne();
    }
}
