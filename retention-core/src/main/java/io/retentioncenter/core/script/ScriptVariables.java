package io.retentioncenter.core.script;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.lead.Lead;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables a script can use: {@code firstName}, {@code lastName}, {@code fullName},
 * {@code email}, {@code phone}, {@code campaignName}, {@code leadId}, {@code attemptId} (the id a
 * tracker gets back as {@code sub_id}), {@code trackedLink}, and every lead attribute under its own
 * key (built-in names win over attributes of the same name).
 *
 * <p>{@code trackedLink} is the campaign setting {@value #TRACKED_LINK_SETTING} with {@code {attemptId}}
 * and {@code {leadId}} filled in, e.g. {@code https://trk.example.com/click?sub_id={attemptId}}: an
 * SMS or call that carries it lets a Keitaro postback name the attempt that converted.
 */
public final class ScriptVariables {
    private ScriptVariables() {
    }

    /** Campaign setting holding the tracked link template. */
    public static final String TRACKED_LINK_SETTING = "trackedLink";

    /** The variables for attempt {@code attemptId} of {@code lead} in {@code campaign}; absent values are left out. */
    public static Map<String, String> of(Lead lead, Campaign campaign, String attemptId) {
        Map<String, String> vars = new HashMap<>(lead.attributes());
        lead.firstName().ifPresent(v -> vars.put("firstName", v));
        lead.lastName().ifPresent(v -> vars.put("lastName", v));
        lead.fullName().ifPresent(v -> vars.put("fullName", v));
        lead.email().ifPresent(v -> vars.put("email", v));
        lead.phone().ifPresent(v -> vars.put("phone", v));
        vars.put("campaignName", campaign.name());
        vars.put("leadId", lead.id());
        vars.put("attemptId", attemptId);
        Optional.ofNullable(campaign.settings().get(TRACKED_LINK_SETTING)).filter(t -> !t.isBlank()).ifPresent(t ->
                vars.put("trackedLink", t.replace("{attemptId}", attemptId).replace("{leadId}", lead.id())));
        return vars;
    }
}
