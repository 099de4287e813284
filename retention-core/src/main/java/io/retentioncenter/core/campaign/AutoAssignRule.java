package io.retentioncenter.core.campaign;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.LeadSource;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which new leads a campaign takes automatically.
 *
 * @param enabled whether new leads are assigned automatically at all
 * @param sources lead sources accepted; all sources when empty
 * @param maxLeads cap on the number of leads the campaign takes, exact under concurrency
 */
public record AutoAssignRule(boolean enabled, Set<LeadSource> sources, Optional<Integer> maxLeads) {
    /** Validates and copies. */
    public AutoAssignRule {
        sources = Set.copyOf(Require.present(sources, "sources"));
        Require.present(maxLeads, "maxLeads");
        maxLeads.ifPresent(cap -> {
            if (cap < 0) {
                throw new ValidationException("maxLeads", "must not be negative, was " + cap);
            }
        });
    }

    /** Takes every new lead from any source, without a cap. */
    public static AutoAssignRule everything() {
        return new AutoAssignRule(true, EnumSet.allOf(LeadSource.class), Optional.empty());
    }

    /** Takes no lead automatically; leads are enrolled by hand. */
    public static AutoAssignRule manualOnly() {
        return new AutoAssignRule(false, Set.of(), Optional.empty());
    }

    /** Takes new leads from the given sources, up to {@code cap} leads. */
    public static AutoAssignRule sources(Set<LeadSource> sources, Integer cap) {
        return new AutoAssignRule(true, sources, Optional.ofNullable(cap));
    }

    /** Whether a lead from {@code source} matches this rule (the cap is checked by the store). */
    public boolean matches(LeadSource source) {
        return enabled && (sources.isEmpty() || sources.contains(source));
    }
}
