package io.retentioncenter.host.api;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.SendWindow;
import io.retentioncenter.core.experiment.StepTarget;
import io.retentioncenter.core.experiment.Variant;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Body of {@code POST /api/ab-tests}. A script test names a {@code channel} and variants with a
 * {@code scriptId}; a timing test names a {@code sequenceId} and {@code stepOrder} and variants that
 * each have a {@code delay} (ISO-8601, e.g. {@code "PT12H"}) or a {@code window}
 * ({@code "09:00-12:00"}).
 *
 * @param campaignId the campaign
 * @param channel the channel of a script test
 * @param sequenceId the sequence of a timing test
 * @param stepOrder the step of a timing test
 * @param variants two or more arms
 */
public record AbTestRequest(String campaignId, Channel channel, String sequenceId, Integer stepOrder,
        List<VariantRequest> variants) {

    /** The step of a timing test, when the body names one. */
    Optional<StepTarget> step() {
        if (sequenceId == null && stepOrder == null) {
            return Optional.empty();
        }
        return Optional.of(new StepTarget(Requests.present(sequenceId, "sequenceId"),
                Requests.present(stepOrder, "stepOrder")));
    }

    /** The arms as the library takes them. */
    List<Variant> arms() {
        return Requests.present(variants, "variants").stream().map(VariantRequest::arm).toList();
    }

    /**
     * One arm: a name, a weight (1 when left out) and exactly one of {@code scriptId}, {@code delay}
     * and {@code window}.
     *
     * @param name the arm's name
     * @param scriptId the script a script arm sends
     * @param delay the step delay of a delay arm, ISO-8601
     * @param window the send window of a window arm, {@code HH:mm-HH:mm}
     * @param weight relative share of traffic
     */
    public record VariantRequest(String name, String scriptId, String delay, String window, Integer weight) {
        Variant arm() {
            int share = weight == null ? 1 : weight;
            if (Stream.of(scriptId, delay, window).filter(v -> v != null).count() != 1) {
                throw new ValidationException("variants." + name, "needs exactly one of scriptId, delay and window");
            }
            if (scriptId != null) {
                return new Variant(name, scriptId, share);
            }
            if (window != null) {
                return Variant.window(name, SendWindow.parse(window), share);
            }
            try {
                return Variant.delay(name, Duration.parse(delay), share);
            } catch (DateTimeParseException e) {
                throw new ValidationException("variants." + name + ".delay", "expected ISO-8601 such as PT12H, was "
                        + delay);
            }
        }
    }
}
