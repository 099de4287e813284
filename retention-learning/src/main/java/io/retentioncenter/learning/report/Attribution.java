package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import java.time.Duration;
import java.util.Optional;

/**
 * The attribution rule a report applied, stated so a UI can show it next to the numbers.
 *
 * @param window how long after an attempt a sale still counts for it; empty for no limit
 * @param rule the rule in words
 */
public record Attribution(Optional<Duration> window, String rule) {

    /** Validates. */
    public Attribution {
        Require.present(window, "window");
        Require.text(rule, "rule");
    }

    /** The rule for {@code window}. */
    static Attribution of(Optional<Duration> window) {
        String limit = window.map(w -> ", within " + ReportFormat.duration(w) + " of the attempt").orElse("");
        return new Attribution(window, "An attempt counts as converted when its lead has a SALE conversion in the "
                + "same campaign at or after the attempt's creation" + limit + " and before the end of the report. "
                + "A sequence enrollment counts as converted by the same rule from its enrollment time.");
    }
}
