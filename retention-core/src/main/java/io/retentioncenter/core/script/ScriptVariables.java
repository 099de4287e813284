package io.retentioncenter.core.script;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.lead.Lead;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables a script can use: {@code firstName}, {@code lastName}, {@code fullName},
 * {@code email}, {@code phone}, {@code campaignName}, {@code leadId}, and every lead attribute under
 * its own key (built-in names win over attributes of the same name).
 */
public final class ScriptVariables {
    private ScriptVariables() {
    }

    /** The variables for {@code lead} in {@code campaign}; absent values are left out. */
    public static Map<String, String> of(Lead lead, Campaign campaign) {
        Map<String, String> vars = new HashMap<>(lead.attributes());
        lead.firstName().ifPresent(v -> vars.put("firstName", v));
        lead.lastName().ifPresent(v -> vars.put("lastName", v));
        lead.fullName().ifPresent(v -> vars.put("fullName", v));
        lead.email().ifPresent(v -> vars.put("email", v));
        lead.phone().ifPresent(v -> vars.put("phone", v));
        vars.put("campaignName", campaign.name());
        vars.put("leadId", lead.id());
        return vars;
    }
}
