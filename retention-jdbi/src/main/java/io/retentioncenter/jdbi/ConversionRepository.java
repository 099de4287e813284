package io.retentioncenter.jdbi;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionCommand;
import io.retentioncenter.core.conversion.ConversionMoves;
import io.retentioncenter.core.conversion.ConversionOutcome;
import io.retentioncenter.core.conversion.ConversionOutcome.Effect;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Conversions from tracker postbacks and the postbacks that matched nothing. A postback is applied
 * under the lead's row lock, so postbacks of one lead run one at a time; its replay key is recorded
 * only when it changed something, and a key recorded meanwhile by another lead's postback counts as
 * a replay.
 */
final class ConversionRepository {
    private static final String INSERT_REPLAY = "INSERT INTO <schema>rc_conversion_replay (replay_key, recorded_at)"
            + " VALUES (:replayKey, :at)";

    private final Database db;

    ConversionRepository(Database db) {
        this.db = db;
    }

    ConversionOutcome record(ConversionCommand command) {
        Conversion candidate = command.candidate();
        return db.inTransaction("recordConversion", h -> {
            Lead lead = LeadRepository.lock(h, candidate.leadId())
                    .orElseThrow(() -> new NotFoundException("lead", candidate.leadId()));
            ConversionQueries queries = h.attach(ConversionQueries.class);
            Optional<Conversion> existing = queries.find(candidate.leadId(), candidate.campaignId());
            if (queries.isReplay(command.replayKey())) {
                return new ConversionOutcome(Effect.REPLAY, existing, 0);
            }
            Optional<Conversion> next = ConversionMoves.apply(existing, command);
            if (next.isEmpty()) {
                return new ConversionOutcome(Effect.IGNORED, existing, 0);
            }
            if (db.dialect().insertIfAbsent(h, INSERT_REPLAY, u -> u.bind("replayKey", command.replayKey())
                    .bindByType("at", command.at(), Instant.class)) == 0) {
                return new ConversionOutcome(Effect.REPLAY, existing, 0);
            }
            String write = existing.isPresent() ? ConversionRows.REPLACE : ConversionRows.INSERT;
            ConversionRows.bind(h.createUpdate(write), next.get()).execute();
            ConversionStatus status = next.get().status();
            boolean moved = existing.map(c -> c.status() != status).orElse(true);
            int exited = moved ? closeLead(h, lead, status, command.at()) : 0;
            return new ConversionOutcome(existing.isPresent() ? Effect.UPDATED : Effect.CREATED, next, exited);
        });
    }

    /** Applies a conversion that reached {@code status} to its lead; returns the enrollments that ended. */
    private static int closeLead(Handle handle, Lead lead, ConversionStatus status, Instant at) {
        return switch (status) {
            case LEAD -> 0;
            case SALE -> closeLead(handle, lead, LeadStatus.CONVERTED, EnrollmentStatus.CONVERTED,
                    ExitReason.CONVERTED, at);
            case REJECTED -> closeLead(handle, lead, LeadStatus.REJECTED, EnrollmentStatus.EXITED,
                    ExitReason.REJECTED, at);
        };
    }

    /** Moves the lead if its state machine allows (a DO_NOT_CONTACT lead stays) and ends its outreach. */
    private static int closeLead(Handle handle, Lead lead, LeadStatus leadStatus, EnrollmentStatus enrollmentStatus,
            ExitReason reason, Instant at) {
        if (lead.status() != leadStatus && lead.status().canMoveTo(leadStatus)) {
            LeadRepository.writeStatus(handle, lead.status(), lead.withStatus(leadStatus, at));
        }
        return Outreach.stop(handle, lead.id(), enrollmentStatus, reason, at);
    }

    List<Conversion> ofLead(String leadId) {
        return db.read("conversionsOfLead", ConversionQueries.class, q -> q.ofLead(leadId));
    }

    /** Stores the postback unless one with its replay key exists. */
    void recordUnmatched(UnmatchedPostback postback) {
        db.withHandle("recordUnmatchedPostback", h -> db.dialect().insertIfAbsent(h, UnmatchedPostbackRows.INSERT,
                u -> UnmatchedPostbackRows.bind(u, postback)));
    }

    Page<UnmatchedPostback> unmatched(PageRequest page) {
        return db.read("listUnmatchedPostbacks", ConversionQueries.class,
                q -> new Page<>(q.unmatched(page.offset(), page.limit()), page.offset(), q.countUnmatched()));
    }
}
