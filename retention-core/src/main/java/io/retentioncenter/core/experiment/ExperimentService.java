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
import io.retentioncenter.core.spi.ExperimentJudge;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A/B tests of scripts. While a test runs, attempts on its campaign and channel get a variant
 * (sticky per lead) and conversions are credited to it; after each credited sale the configured
 * {@link ExperimentJudge} decides whether the test ends. Obtain it from {@code engine.experiments()}.
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
        String id = Ids.declared("abt", key);
        Optional<AbTest> existing = ctx.config().current().abTest(id);
        return existing.orElseGet(() -> start(id, campaignId, channel, variants));
    }

    private AbTest start(String id, String campaignId, Channel channel, List<Variant> variants) {
        Require.text(campaignId, "campaignId");
        Require.present(channel, "channel");
        Require.present(variants, "variants");
        ConfigSnapshot config = ctx.config().current();
        config.campaign(campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
        for (Variant v : variants) {
            Script s = config.script(v.scriptId()).orElseThrow(() -> new NotFoundException("script", v.scriptId()));
            if (s.channel() != channel) {
                throw new ValidationException("variants." + v.name(), "script " + s.id() + " is for " + s.channel());
            }
        }
        if (config.runningTest(campaignId, channel).isPresent()) {
            throw new ConflictException("an A/B test already runs for campaign " + campaignId + " on " + channel);
        }
        AbTest test = new AbTest(id, campaignId, channel, variants, AbTestStatus.RUNNING, Optional.empty(),
                ctx.now(), Optional.empty());
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

    /** Per-variant exposure and conversions. */
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
     * variant; conversions of attempts made while it ran are still credited to their variant.
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
     *     campaign and channel
     */
    public AbTest resume(String testId) {
        AbTest test = get(testId);
        ctx.config().current().runningTest(test.campaignId(), test.channel()).ifPresent(other -> {
            throw new ConflictException("A/B test " + other.id() + " runs for campaign " + test.campaignId()
                    + " on " + test.channel());
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
