package io.retentioncenter.core.experiment;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.ConfigSnapshot;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Ids;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.spi.ExperimentJudge;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A/B tests. While a script test runs, attempts on its campaign and channel get a variant (sticky per
 * lead) and conversions are credited to it. While a timing test runs, each lead of its campaign gets
 * an arm (sticky per lead) when the tested step is planned for it, and the step is due at that arm's
 * delay or inside its send window; the lead's later conversions count for the arm. The configured
 * {@link ExperimentJudge} judges both kinds from their counts. Obtain it from
 * {@code engine.experiments()}.
 */
public final class ExperimentService {
    private static final Logger log = LoggerFactory.getLogger(ExperimentService.class);
    private final EngineContext ctx;
    private final ExperimentJudge judge;

    /** Built by the engine. */
    public ExperimentService(EngineContext ctx, ExperimentJudge judge) {
        this.ctx = ctx;
        this.judge = judge;
    }

    /**
     * Starts a test on {@code campaignId} and {@code channel} with two or more variants whose scripts
     * exist and are written for that channel.
     *
     * @throws ConflictException when a test already runs for the campaign and channel
     */
    public AbTest start(String campaignId, Channel channel, List<Variant> variants) {
        return start(Ids.next("abt"), campaignId, channel, variants);
    }

    /**
     * Starts the A/B test declared under {@code key} unless it exists already, in whatever status
     * (its arms never change once started, so that its statistics stay valid). Idempotent across
     * engines and restarts; its id is {@code "abt." + key}.
     *
     * @throws ValidationException when the key or a variant is invalid
     * @throws ConflictException when another test already runs for the campaign and channel
     */
    public AbTest declare(String key, String campaignId, Channel channel, List<Variant> variants) {
        return declared(key, id -> start(id, campaignId, channel, variants));
    }

    /**
     * Starts a timing test of {@code step} for the leads of {@code campaignId}: two or more arms that
     * are all delays or all send windows (see {@link Variant#delay} and {@link Variant#window}).
     *
     * @throws ValidationException when the arms mix kinds or are script arms, or the step is unknown
     *     or the first (planned at enrollment, before any arm could be drawn)
     * @throws NotFoundException when the campaign or the sequence does not exist
     * @throws ConflictException when a timing test already runs for the campaign and step
     */
    public AbTest start(String campaignId, StepTarget step, List<Variant> variants) {
        return startTiming(Ids.next("abt"), campaignId, step, variants);
    }

    /**
     * Starts the timing test declared under {@code key} unless it exists already, like
     * {@link #declare(String, String, Channel, List)} does for script tests.
     */
    public AbTest declare(String key, String campaignId, StepTarget step, List<Variant> variants) {
        return declared(key, id -> startTiming(id, campaignId, step, variants));
    }

    /** The test declared under {@code key}, started under its declared id when it does not exist. */
    private AbTest declared(String key, Function<String, AbTest> starter) {
        String id = Ids.declared("abt", key);
        return ctx.config().current().abTest(id).orElseGet(() -> starter.apply(id));
    }

    private AbTest startTiming(String id, String campaignId, StepTarget step, List<Variant> variants) {
        Require.text(campaignId, "campaignId");
        Require.present(step, "step");
        Require.present(variants, "variants");
        ConfigSnapshot config = ctx.config().current();
        config.campaign(campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
        RetentionSequence sequence = config.sequence(step.sequenceId())
                .orElseThrow(() -> new NotFoundException("sequence", step.sequenceId()));
        SequenceStep tested = sequence.step(step.stepOrder()).orElseThrow(() -> new ValidationException(
                "step.stepOrder", "sequence " + sequence.id() + " has no step " + step.stepOrder()));
        if (step.stepOrder() == 1) {
            throw new ValidationException("step.stepOrder", "step 1 is planned at enrollment; test a later step");
        }
        if (variants.stream().anyMatch(v -> !v.kind().timing())) {
            throw new ValidationException("variants", "a step test randomises delays or send windows, not scripts");
        }
        if (config.runningTimingTest(campaignId, step).isPresent()) {
            throw new ConflictException("a timing test already runs for campaign " + campaignId + " on " + step);
        }
        return started(id, campaignId, tested.channel(), variants, Optional.of(step));
    }

    private AbTest start(String id, String campaignId, Channel channel, List<Variant> variants) {
        Require.text(campaignId, "campaignId");
        Require.present(channel, "channel");
        Require.present(variants, "variants");
        ConfigSnapshot config = ctx.config().current();
        config.campaign(campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
        if (variants.stream().anyMatch(v -> v.kind() != TestKind.SCRIPT)) {
            throw new ValidationException("variants", "a campaign and channel test randomises scripts; time a step"
                    + " with start(campaignId, step, variants)");
        }
        for (Variant v : variants) {
            Script s = config.script(v.scriptId()).orElseThrow(() -> new NotFoundException("script", v.scriptId()));
            if (s.channel() != channel) {
                throw new ValidationException("variants." + v.name(), "script " + s.id() + " is for " + s.channel());
            }
        }
        if (config.runningTest(campaignId, channel).isPresent()) {
            throw new ConflictException("an A/B test already runs for campaign " + campaignId + " on " + channel);
        }
        return started(id, campaignId, channel, variants, Optional.empty());
    }

    private AbTest started(String id, String campaignId, Channel channel, List<Variant> variants,
            Optional<StepTarget> step) {
        AbTest test = new AbTest(id, campaignId, channel, variants, AbTestStatus.RUNNING, Optional.empty(),
                ctx.now(), Optional.empty(), step);
        ctx.store().saveAbTest(test);
        return test;
    }

    /** The test with {@code id}, a DELETED one included. */
    public AbTest get(String id) {
        return Optional.ofNullable(ctx.config().current().tests().get(Require.text(id, "id")))
                .orElseThrow(() -> new NotFoundException("A/B test", id));
    }

    /** All tests but DELETED ones, oldest first. */
    public List<AbTest> list() {
        return ctx.config().current().tests().values().stream()
                .filter(t -> t.status() != AbTestStatus.DELETED)
                .sorted(Comparator.comparing(AbTest::startedAt).thenComparing(AbTest::id)).toList();
    }

    /**
     * Per-variant exposure and conversions: for a script test, leads with an attempt in the variant
     * and their sales credited to it; for a timing test, leads assigned to the arm and those with a
     * sale in the campaign from their assignment on.
     */
    public Map<String, ArmCounts> counts(String testId) {
        get(testId);
        return ctx.store().abTestCounts(testId);
    }

    /**
     * Ends a running or paused test by hand, with or without a winner.
     *
     * @throws ConflictException when the test is neither RUNNING nor PAUSED
     */
    public AbTest stop(String testId, Optional<String> winner) {
        AbTest test = get(testId);
        Require.present(winner, "winner");
        if (test.status() != AbTestStatus.RUNNING && test.status() != AbTestStatus.PAUSED) {
            throw new ConflictException("A/B test " + testId + " is " + test.status());
        }
        winner.ifPresent(w -> test.variant(w).orElseThrow(() -> new ValidationException("winner", "no variant " + w)));
        AbTest done = test.completed(winner, ctx.now());
        ctx.store().saveAbTest(done);
        return done;
    }

    /**
     * Pauses a running test: until it resumes, attempts get the campaign's usual script and no
     * variant (a timing test: steps planned meanwhile keep the step's own delay and get no arm);
     * conversions of attempts made while it ran are still credited to their variant, and leads
     * assigned to a timing arm keep it and their planned time.
     *
     * @throws ConflictException when the test is not RUNNING
     */
    public AbTest pause(String testId) {
        return move(get(testId), AbTestStatus.RUNNING, AbTestStatus.PAUSED);
    }

    /**
     * Resumes a paused test.
     *
     * @throws ConflictException when the test is not PAUSED, or another test runs meanwhile for its
     *     campaign and channel (a timing test: for its campaign and step)
     */
    public AbTest resume(String testId) {
        AbTest test = get(testId);
        ConfigSnapshot config = ctx.config().current();
        Optional<AbTest> rival = test.step().isPresent()
                ? config.runningTimingTest(test.campaignId(), test.step().get())
                : config.runningTest(test.campaignId(), test.channel());
        rival.ifPresent(other -> {
            throw new ConflictException("A/B test " + other.id() + " runs for campaign " + test.campaignId()
                    + " on " + test.step().map(StepTarget::toString).orElse(test.channel().name()));
        });
        return move(test, AbTestStatus.PAUSED, AbTestStatus.RUNNING);
    }

    /**
     * Deletes a test, whatever its status: it stops assigning variants and leaves {@link #list},
     * while its attempts keep their variant and {@link #get} and {@link #counts} still answer for it.
     * Deleting a DELETED test changes nothing.
     */
    public AbTest delete(String testId) {
        AbTest test = get(testId);
        if (test.status() == AbTestStatus.DELETED) {
            return test;
        }
        AbTest deleted = test.withStatus(AbTestStatus.DELETED, ctx.now());
        ctx.store().saveAbTest(deleted);
        return deleted;
    }

    private AbTest move(AbTest test, AbTestStatus from, AbTestStatus to) {
        if (test.status() != from) {
            throw new ConflictException("A/B test " + test.id() + " is " + test.status() + ", not " + from);
        }
        AbTest moved = test.withStatus(to, ctx.now());
        ctx.store().saveAbTest(moved);
        return moved;
    }

    /** Asks the judge about a running test and ends it when the judge says so. */
    public Verdict evaluate(String testId) {
        AbTest test = get(testId);
        if (test.status() != AbTestStatus.RUNNING) {
            return Verdict.keepRunning("test is not running");
        }
        Verdict verdict = judge.judge(test, ctx.store().abTestCounts(testId));
        if (verdict.decision() != Verdict.Decision.CONTINUE) {
            ctx.store().saveAbTest(test.completed(verdict.winner(), ctx.now()));
            log.info("A/B test {} ended: {} ({})", testId, verdict.decision(), verdict.explanation());
        }
        return verdict;
    }
}
