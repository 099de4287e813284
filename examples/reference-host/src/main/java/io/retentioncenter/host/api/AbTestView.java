package io.retentioncenter.host.api;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.StepTarget;
import io.retentioncenter.core.experiment.TestKind;
import io.retentioncenter.core.experiment.Treatment;
import io.retentioncenter.core.experiment.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An A/B test as the API answers it: script arms keep their {@code scriptId}, timing arms carry a
 * {@code delay} (ISO-8601) or a {@code window}.
 *
 * @param id test id
 * @param campaignId the campaign
 * @param channel the channel (a timing test's is its step's)
 * @param kind SCRIPT, DELAY or SEND_WINDOW
 * @param step the step a timing test randomises
 * @param variants the arms
 * @param status lifecycle status
 * @param winner the winner once decided
 * @param startedAt start time
 * @param endedAt end time
 */
public record AbTestView(String id, String campaignId, Channel channel, TestKind kind, Optional<StepTarget> step,
        List<VariantView> variants, AbTestStatus status, Optional<String> winner, Instant startedAt,
        Optional<Instant> endedAt) {

    static AbTestView of(AbTest test) {
        return new AbTestView(test.id(), test.campaignId(), test.channel(), test.kind(), test.step(),
                test.variants().stream().map(VariantView::of).toList(), test.status(), test.winner(), test.startedAt(),
                test.endedAt());
    }

    /**
     * One arm; exactly one of {@code scriptId}, {@code delay} and {@code window} is present.
     *
     * @param name the arm's name
     * @param scriptId the script of a script arm
     * @param delay the delay of a delay arm, ISO-8601
     * @param window the send window of a window arm, {@code HH:mm–HH:mm}
     * @param weight relative share of traffic
     */
    public record VariantView(String name, Optional<String> scriptId, Optional<String> delay, Optional<String> window,
            int weight) {
        static VariantView of(Variant v) {
            Treatment t = v.treatment();
            return new VariantView(v.name(),
                    t instanceof Treatment.ScriptArm s ? Optional.of(s.scriptId()) : Optional.empty(),
                    t instanceof Treatment.DelayArm d ? Optional.of(d.delay().toString()) : Optional.empty(),
                    t instanceof Treatment.WindowArm w ? Optional.of(w.window().toString()) : Optional.empty(),
                    v.weight());
        }
    }
}
