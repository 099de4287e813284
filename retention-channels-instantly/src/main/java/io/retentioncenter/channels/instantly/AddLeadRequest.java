package io.retentioncenter.channels.instantly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.spi.OutboundMessage;
import java.util.Optional;

/**
 * The body of Instantly's single-lead create, {@code POST /api/v2/leads}: {@code campaign} (not the
 * seed's {@code campaign_id}, PROVIDERS S1), {@code email}, optional names, {@code skip_if_in_campaign}
 * and the {@link InstantlyVariables} as {@code custom_variables}.
 */
final class AddLeadRequest {
    private AddLeadRequest() {
    }

    /** Builds the JSON body for {@code message} into {@code campaign}. */
    static ObjectNode body(OutboundMessage message, String campaign, boolean skipIfInCampaign) {
        ObjectNode body = JsonPayload.mapper().createObjectNode();
        body.put("campaign", campaign);
        body.put("email", message.recipient().trim());
        putIfPresent(body, "first_name", message.firstName());
        putIfPresent(body, "last_name", message.lastName());
        body.put("skip_if_in_campaign", skipIfInCampaign);
        ObjectNode variables = body.putObject("custom_variables");
        variables.put(InstantlyVariables.LEAD_ID, message.leadId());
        variables.put(InstantlyVariables.ATTEMPT_ID, message.attemptId());
        putIfPresent(variables, InstantlyVariables.SUBJECT, message.subject());
        variables.put(InstantlyVariables.BODY, message.body());
        putIfPresent(variables, InstantlyVariables.AB_VARIANT, message.variant());
        return body;
    }

    private static void putIfPresent(ObjectNode node, String field, Optional<String> value) {
        value.filter(v -> !v.isBlank()).ifPresent(v -> node.put(field, v.trim()));
    }
}
