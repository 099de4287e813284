package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import java.math.BigDecimal;
import java.util.List;

/**
 * Leads → contacted → responded → converted → revenue. The leads of the scope are those that
 * entered it during the range: for the global scope every lead created in the range, and for every
 * scope each lead enrolled in one of its sequences or given an attempt of it in the range.
 *
 * @param stages the four stages, in order
 * @param revenue revenue of the attributed sales of the converted leads
 */
public record LeadFunnel(List<FunnelStage> stages, BigDecimal revenue) {

    /** Validates and copies. */
    public LeadFunnel {
        stages = List.copyOf(Require.present(stages, "stages"));
        Require.present(revenue, "revenue");
    }

    /** Leads that reached {@code stage}. */
    public long leads(LeadStage stage) {
        Require.present(stage, "stage");
        return stages.stream().filter(s -> s.stage() == stage).mapToLong(FunnelStage::leads).sum();
    }
}
