package io.retentioncenter.core.inbound.meta;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.NewLead;
import java.util.Optional;

/**
 * One {@code leadgen} change of a Meta notification: either a lead carried inline (forwarder
 * formats) or, in Meta's own format, only ids, to be fetched with {@link GraphLeadClient#resolve}.
 *
 * @param path JSON path of the change in the body, e.g. {@code entry[0].changes[1]}
 * @param ref the ids of the change
 * @param lead the inline lead; empty when it must be fetched from the Graph API
 */
public record MetaLeadgenItem(String path, MetaLeadRef ref, Optional<NewLead> lead) {

    /** Validates: an item without an inline lead must carry a {@code leadgen_id}. */
    public MetaLeadgenItem {
        Require.text(path, "path");
        Require.present(ref, "ref");
        Require.present(lead, "lead");
        if (lead.isEmpty() && ref.leadgenId().isEmpty()) {
            throw new ValidationException("ref.leadgenId", "is required when the lead is not inline");
        }
    }

    /** True when the lead is not inline and must be fetched through the Graph API. */
    public boolean needsResolution() {
        return lead.isEmpty();
    }

    /**
     * The replay key: the {@code leadgen_id}. Meta delivers at least once, so the same key may
     * arrive again; empty only for inline forwarder leads without a {@code leadgen_id}.
     */
    public Optional<String> dedupeKey() {
        return ref.leadgenId();
    }
}
