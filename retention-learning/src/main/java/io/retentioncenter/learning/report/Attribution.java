package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import java.time.Duration;

/**
 * The one attribution rule a report applies in every section, stated so a UI can show it next to
 * the numbers.
 *
 * @param window how long after a touch a sale still counts for it; also how long a touch's window
 *     stays open and the horizon of every "converted by"
 * @param rule the rule in words
 */
public record Attribution(Duration window, String rule) {

    /** Validates. */
    public Attribution {
        Require.present(window, "window");
        Require.text(rule, "rule");
    }

    /** The rule for {@code window}. */
    static Attribution of(Duration window) {
        String w = ReportFormat.duration(window);
        return new Attribution(window, "Last touch within " + w + ": a SALE conversion is credited to the lead's "
                + "last sent attempt in the same campaign at or before the sale and at most " + w + " before it "
                + "(none if there is no such attempt). An attempt's window closes " + w + " after it was sent; "
                + "attempt, lead, channel, phrase, send-time and step rates count only attempts whose window has "
                + "closed, so recent sends are neither failures nor early successes. A sequence "
                + "enrollment converts when its lead has a sale in its campaign within " + w + " of enrolling; "
                + "enrollments still inside that window are censored, and opt-outs compete with conversion.");
    }
}
