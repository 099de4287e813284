package io.retentioncenter.core.internal;

import java.util.Optional;

/**
 * A rendered message ready to be stored on an attempt.
 *
 * @param attemptId the id of the attempt the message is for (scripts may render it)
 * @param scriptId the script used
 * @param abTestId the A/B test that chose the script, if any
 * @param variant the chosen variant's name, if any
 * @param subject rendered subject (email)
 * @param body rendered body
 */
public record ComposedMessage(String attemptId, String scriptId, Optional<String> abTestId,
        Optional<String> variant, Optional<String> subject, String body) {
}
