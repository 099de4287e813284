package io.retentioncenter.core.sequence;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.internal.ConfigSnapshot;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Enroller;
import io.retentioncenter.core.internal.Ids;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.internal.SequenceRunner;
import io.retentioncenter.core.script.Script;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Sequence management, one method per REST route a host exposes: list / create / get / update /
 * delete sequences, add / update / remove steps, activate / archive, enroll leads, list enrollments,
 * stats, and process (= {@code engine.tick()}). Obtain it from {@code engine.sequences()}.
 *
 * <p>Editing an ACTIVE sequence affects enrolled leads from their next step on: an enrollment keeps
 * its step number, executed steps never run again, and an enrollment whose next step number no
 * longer exists completes at its next tick. Archiving holds running enrollments; re-activating lets
 * them go on.
 */
public final class SequenceService {
    private final EngineContext ctx;
    private final Enroller enroller;
    private final SequenceRunner runner;

    /** Built by the engine. */
    public SequenceService(EngineContext ctx, Enroller enroller, SequenceRunner runner) {
        this.ctx = ctx;
        this.enroller = enroller;
        this.runner = runner;
    }

    /** All sequences except the implicit one-shot ones, oldest first. */
    public List<RetentionSequence> list() {
        return list(Optional.empty(), Optional.empty());
    }

    /**
     * The sequences (implicit one-shot ones excepted) in {@code status} and linked to
     * {@code campaignId}, each filter applied when given, oldest first.
     */
    public List<RetentionSequence> list(Optional<SequenceStatus> status, Optional<String> campaignId) {
        Require.present(status, "status");
        Optional<String> campaign = Require.present(campaignId, "campaignId").map(c -> Require.text(c, "campaignId"));
        return ctx.config().current().sequences().values().stream().filter(s -> !s.oneShot())
                .filter(s -> status.map(st -> st == s.status()).orElse(true))
                .filter(s -> campaign.map(c -> s.campaignId().equals(Optional.of(c))).orElse(true))
                .sorted(Comparator.comparing(RetentionSequence::createdAt).thenComparing(RetentionSequence::id))
                .toList();
    }

    /** Creates a DRAFT sequence. */
    public RetentionSequence create(NewSequence spec) {
        return create(Ids.next("seq"), spec);
    }

    /**
     * Creates the sequence declared under {@code key} (as a DRAFT), or brings an existing one up to
     * {@code spec} (name, campaign, re-enroll cooldown, steps, description) while keeping its status; activate it
     * afterwards ({@link #activate} of an ACTIVE sequence changes nothing). Idempotent across engines
     * and restarts; its id is {@code "seq." + key}. Running enrollments continue at their step number
     * with the declared steps, as after {@link #updateStep}.
     *
     * @throws ValidationException when the key or the spec is invalid
     * @throws ConflictException when the sequence is ACTIVE and the spec has no steps
     */
    public RetentionSequence declare(String key, NewSequence spec) {
        String id = Ids.declared("seq", key);
        Require.present(spec, "sequence");
        Optional<RetentionSequence> existing = ctx.config().current().sequence(id);
        if (existing.isEmpty()) {
            return create(id, spec);
        }
        RetentionSequence s = existing.get();
        if (s.status() == SequenceStatus.ACTIVE && spec.steps().isEmpty()) {
            throw new ConflictException("sequence " + id + " is ACTIVE; its declaration needs at least one step");
        }
        ConfigSnapshot config = ctx.config().current();
        spec.campaignId().ifPresent(c -> config.campaign(c).orElseThrow(() -> new NotFoundException("campaign", c)));
        spec.steps().forEach(step -> checkScript(step, config));
        return save(new RetentionSequence(id, spec.name(), s.status(), spec.campaignId(), spec.reenrollCooldown(),
                spec.steps(), s.oneShot(), s.createdAt(), ctx.now(), spec.description()));
    }

    private RetentionSequence create(String id, NewSequence spec) {
        Require.present(spec, "sequence");
        ConfigSnapshot config = ctx.config().current();
        spec.campaignId().ifPresent(c -> config.campaign(c).orElseThrow(() -> new NotFoundException("campaign", c)));
        spec.steps().forEach(step -> checkScript(step, config));
        Instant now = ctx.now();
        RetentionSequence s = new RetentionSequence(id, spec.name(), SequenceStatus.DRAFT,
                spec.campaignId(), spec.reenrollCooldown(), spec.steps(), false, now, now, spec.description());
        ctx.store().saveSequence(s);
        return s;
    }

    /** The sequence with {@code id}. */
    public RetentionSequence get(String id) {
        return ctx.config().current().sequence(Require.text(id, "id"))
                .orElseThrow(() -> new NotFoundException("sequence", id));
    }

    /** Renames a sequence and sets its cooldown; its description stays. */
    public RetentionSequence update(String id, String name, Duration reenrollCooldown) {
        return update(id, name, reenrollCooldown, get(id).description());
    }

    /**
     * Renames a sequence and sets its cooldown and description (empty for none; multi-line, at most
     * 2,000 characters).
     */
    public RetentionSequence update(String id, String name, Duration reenrollCooldown, Optional<String> description) {
        RetentionSequence s = get(id);
        RetentionSequence updated = new RetentionSequence(s.id(), Require.text(name, "name"), s.status(),
                s.campaignId(), Require.present(reenrollCooldown, "reenrollCooldown"), s.steps(), s.oneShot(),
                s.createdAt(), ctx.now(), description);
        return save(updated);
    }

    /**
     * Makes a sequence ACTIVE: it enrolls leads and runs.
     *
     * @throws ConflictException when the sequence has no steps: its leads would be enrolled and
     *     completed without ever being contacted
     */
    public RetentionSequence activate(String id) {
        RetentionSequence s = get(id);
        if (s.steps().isEmpty()) {
            throw new ConflictException("sequence " + s.id() + " has no steps; add a step before activating it");
        }
        return save(s.withStatus(SequenceStatus.ACTIVE, ctx.now()));
    }

    /** Archives a sequence: it enrolls nobody and its running enrollments hold. */
    public RetentionSequence archive(String id) {
        return save(get(id).withStatus(SequenceStatus.ARCHIVED, ctx.now()));
    }

    /**
     * Deletes a DRAFT sequence that has no enrollments.
     *
     * @throws ConflictException when it is not a DRAFT or has enrollments
     */
    public void delete(String id) {
        RetentionSequence s = get(id);
        if (s.status() != SequenceStatus.DRAFT) {
            throw new ConflictException("only DRAFT sequences can be deleted; " + id + " is " + s.status());
        }
        if (!ctx.store().deleteSequence(id)) {
            throw new ConflictException("sequence " + id + " has enrollments and cannot be deleted");
        }
    }

    /** Appends a step. */
    public RetentionSequence addStep(String sequenceId, SequenceStep step) {
        RetentionSequence s = get(sequenceId);
        checkScript(Require.present(step, "step"), ctx.config().current());
        List<SequenceStep> steps = new ArrayList<>(s.steps());
        steps.add(step);
        return save(s.withSteps(steps, ctx.now()));
    }

    /** Replaces step {@code order} (1-based). */
    public RetentionSequence updateStep(String sequenceId, int order, SequenceStep step) {
        RetentionSequence s = get(sequenceId);
        checkOrder(s, order);
        checkScript(Require.present(step, "step"), ctx.config().current());
        List<SequenceStep> steps = new ArrayList<>(s.steps());
        steps.set(order - 1, step);
        return save(s.withSteps(steps, ctx.now()));
    }

    /**
     * Switches step {@code order} (1-based) on or off without deleting it: a step switched off is
     * skipped when due and the sequence moves on to the next one.
     */
    public RetentionSequence setStepEnabled(String sequenceId, int order, boolean enabled) {
        RetentionSequence s = get(sequenceId);
        checkOrder(s, order);
        List<SequenceStep> steps = new ArrayList<>(s.steps());
        steps.set(order - 1, steps.get(order - 1).withEnabled(enabled));
        return save(s.withSteps(steps, ctx.now()));
    }

    /**
     * Removes step {@code order}; later steps move up by one.
     *
     * @throws ConflictException when it is the only step of an ACTIVE sequence
     */
    public RetentionSequence removeStep(String sequenceId, int order) {
        RetentionSequence s = get(sequenceId);
        checkOrder(s, order);
        if (s.status() == SequenceStatus.ACTIVE && s.steps().size() == 1) {
            throw new ConflictException("sequence " + s.id() + " is ACTIVE and this is its only step; archive it"
                    + " or add another step first");
        }
        List<SequenceStep> steps = new ArrayList<>(s.steps());
        steps.remove(order - 1);
        return save(s.withSteps(steps, ctx.now()));
    }

    /** Enrolls leads in an ACTIVE sequence linked to a campaign; one row per lead. */
    public BulkEnrollReport enroll(String sequenceId, List<String> leadIds) {
        RetentionSequence s = get(sequenceId);
        String campaignId = s.campaignId().orElseThrow(() -> new ConflictException(
                "sequence " + sequenceId + " has no campaign; use enroll(sequenceId, campaignId, leadIds)"));
        return enroll(sequenceId, campaignId, leadIds);
    }

    /**
     * Enrolls leads in an ACTIVE sequence, sending for {@code campaignId}; one row per lead.
     *
     * @throws ConflictException when the sequence is not ACTIVE, or the campaign is ENDED or DELETED
     *     (nothing would ever be sent for it)
     */
    public BulkEnrollReport enroll(String sequenceId, String campaignId, List<String> leadIds) {
        RetentionSequence s = get(sequenceId);
        Campaign campaign = ctx.config().current().campaign(Require.text(campaignId, "campaignId"))
                .orElseThrow(() -> new NotFoundException("campaign", campaignId));
        Require.notEmpty(leadIds, "leadIds");
        if (s.status() != SequenceStatus.ACTIVE) {
            throw new ConflictException("sequence " + sequenceId + " is " + s.status() + "; only ACTIVE sequences enroll");
        }
        if (campaign.status() == CampaignStatus.ENDED || campaign.status() == CampaignStatus.DELETED) {
            throw new ConflictException("campaign " + campaignId + " is " + campaign.status()
                    + "; only ACTIVE or PAUSED campaigns enroll");
        }
        Instant now = ctx.now();
        List<BulkEnrollReport.Row> rows = new ArrayList<>();
        for (String leadId : leadIds) {
            EnrollResult r = enroller.enroll(s, Require.text(leadId, "leadIds[]"), campaignId, now);
            rows.add(new BulkEnrollReport.Row(leadId, r.outcome(), r.enrollment().map(SequenceEnrollment::id)));
        }
        return new BulkEnrollReport(rows);
    }

    /** Enrollments matching {@code query}. */
    public Page<SequenceEnrollment> enrollments(EnrollmentQuery query, PageRequest page) {
        return ctx.store().listEnrollments(Require.present(query, "query"), Require.present(page, "page"));
    }

    /** The enrollment with {@code id}. */
    public SequenceEnrollment enrollment(String id) {
        return ctx.store().findEnrollment(Require.text(id, "id"))
                .orElseThrow(() -> new NotFoundException("enrollment", id));
    }

    /** The steps processed for an enrollment. */
    public List<SequenceStepExecution> executions(String enrollmentId) {
        return ctx.store().listExecutions(enrollment(enrollmentId).id());
    }

    /** Holds one enrollment. */
    public SequenceEnrollment pause(String enrollmentId) {
        SequenceEnrollment e = enrollment(enrollmentId);
        return change(e, EnrollmentStatus.ACTIVE, e.withStatus(EnrollmentStatus.PAUSED, e.nextExecuteAt(), ctx.now()));
    }

    /**
     * Lets a held (PAUSED) or {@linkplain EnrollmentStatus#SET_ASIDE set-aside} enrollment go on; an
     * overdue step runs at the next tick. Resume a set-aside enrollment once its cause is fixed: if it
     * fails again, it is set aside again.
     *
     * @throws ConflictException when the enrollment is neither PAUSED nor SET_ASIDE
     */
    public SequenceEnrollment resume(String enrollmentId) {
        SequenceEnrollment e = enrollment(enrollmentId);
        EnrollmentStatus from = e.status() == EnrollmentStatus.SET_ASIDE ? EnrollmentStatus.SET_ASIDE
                : EnrollmentStatus.PAUSED;
        return change(e, from, e.withStatus(EnrollmentStatus.ACTIVE, e.nextExecuteAt(), ctx.now()));
    }

    /**
     * Enrollments set aside because processing their step kept failing in the store, in enrollment
     * order, each with the error recorded when it was set aside.
     */
    public Page<SetAsideEnrollment> setAside(PageRequest page) {
        Page<SequenceEnrollment> held = enrollments(EnrollmentQuery.all().withStatus(EnrollmentStatus.SET_ASIDE),
                Require.present(page, "page"));
        List<SetAsideEnrollment> items = held.items().stream().map(this::withError).toList();
        return new Page<>(items, held.offset(), held.total());
    }

    private SetAsideEnrollment withError(SequenceEnrollment e) {
        List<SequenceStepExecution> executions = ctx.store().listExecutions(e.id());
        for (int i = executions.size() - 1; i >= 0; i--) {
            SequenceStepExecution x = executions.get(i);
            if (x.status() == ExecutionStatus.SET_ASIDE) {
                return new SetAsideEnrollment(e, x.result(), x.executedAt());
            }
        }
        return new SetAsideEnrollment(e, "no error recorded", e.updatedAt());
    }

    /** Removes a lead from a sequence by hand (EXITED with reason MANUAL). */
    public SequenceEnrollment exit(String enrollmentId) {
        SequenceEnrollment e = enrollment(enrollmentId);
        if (e.status().isFinal()) {
            throw new ConflictException("enrollment " + enrollmentId + " already ended as " + e.status());
        }
        return change(e, e.status(), e.finished(EnrollmentStatus.EXITED, Optional.of(ExitReason.MANUAL), ctx.now()));
    }

    /** Counts of enrollments and step executions for a sequence. */
    public SequenceStats stats(String sequenceId) {
        return ctx.store().sequenceStats(get(sequenceId).id());
    }

    /** Processes due steps now: the same as {@code engine.tick()}. */
    public TickResult process() {
        return runner.tick();
    }

    private SequenceEnrollment change(SequenceEnrollment e, EnrollmentStatus expected, SequenceEnrollment updated) {
        if (e.status() != expected || !ctx.store().updateEnrollment(updated, expected)) {
            throw new ConflictException("enrollment " + e.id() + " is " + e.status() + " or changed meanwhile; retry");
        }
        return updated;
    }

    private RetentionSequence save(RetentionSequence s) {
        ctx.store().saveSequence(s);
        return s;
    }

    private static void checkOrder(RetentionSequence s, int order) {
        if (order < 1 || order > s.steps().size()) {
            throw new ValidationException("order", "must be between 1 and " + s.steps().size() + ", was " + order);
        }
    }

    private static void checkScript(SequenceStep step, ConfigSnapshot config) {
        step.scriptId().ifPresent(id -> {
            Script script = config.script(id).orElseThrow(() -> new NotFoundException("script", id));
            if (script.channel() != step.channel()) {
                throw new ValidationException("step.scriptId", "script " + id + " is for " + script.channel()
                        + ", the step is " + step.channel());
            }
        });
    }
}
