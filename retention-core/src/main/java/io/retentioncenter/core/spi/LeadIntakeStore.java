package io.retentioncenter.core.spi;

import io.retentioncenter.core.lead.IntakeOutcome;
import io.retentioncenter.core.lead.LeadIntake;
import java.util.List;
import java.util.Optional;

/**
 * Lead intake as one unit of work: dedupe, campaign assignment under caps, enrollment and the status
 * move, all or nothing, for one lead or set-based for many. A role of {@link RetentionStore}.
 *
 * <p>Per intake: the candidate is inserted unless a lead with the same id, email or phone exists
 * (concurrent intakes of one person create exactly one lead). A new lead, or an existing one still
 * NEW (its routing is finished and campaigns created since are joined), then goes through its routes
 * in order, with the rules of {@link EnrollmentStore#assignLead} (a campaign never holds more ACTIVE
 * members than its cap, under any concurrency, and never takes back a lead an operator removed from
 * it) and {@link EnrollmentStore#enroll} (each enrollment starts at step 1, due at the intake time plus
 * the first step's delay, with an id the store chooses). A lead that belongs to a campaign afterwards
 * moves from NEW to IN_PROGRESS, and that move is recorded like every status move
 * ({@link LeadDirectory#leadStatusChanges}). Any other existing lead is returned unchanged, except
 * the intake's own candidate (the same id): then this intake already committed once, unacknowledged,
 * and is reported as created again, with the campaigns of its routes the lead is an active member of
 * and its enrollments through them, writing nothing.
 *
 * <p>The routes were planned from the configuration at {@code configVersion}; when the store's
 * {@link ConfigurationStore#configVersion()} has moved on, nothing is written and the result is empty,
 * so the caller plans again on fresh configuration without asking for the version on every call.
 */
public interface LeadIntakeStore {
    /**
     * Takes in one lead in one transaction.
     *
     * @return what happened; empty when the configuration version is no longer {@code configVersion}
     * @throws io.retentioncenter.core.NotFoundException when a route names a missing campaign or
     *     sequence (nothing is written)
     */
    Optional<IntakeOutcome> ingestLead(LeadIntake intake, long configVersion);

    /**
     * Takes in many leads set-based (a few statements per chunk of rows, not per row); each chunk is
     * one transaction, and every lead is taken in exactly as {@link #ingestLead} would, in input order
     * (a later row that repeats an earlier row's email or phone is its duplicate). Chunks hold at least
     * 1,000 rows (but the last), so a call of up to 1,000 is all or nothing: the engine relies on that
     * when it groups concurrent single-lead ingests into one call.
     *
     * @return the outcomes of the first intakes, in order: all of them, or fewer when the configuration
     *     version was found moved on before a chunk (that chunk and the rest are untouched; the caller
     *     plans them again)
     * @throws io.retentioncenter.core.NotFoundException when a route names a missing campaign or
     *     sequence (that chunk and the rest are not written)
     */
    List<IntakeOutcome> ingestLeads(List<LeadIntake> intakes, long configVersion);
}
