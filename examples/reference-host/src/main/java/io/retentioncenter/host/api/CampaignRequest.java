package io.retentioncenter.host.api;

import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.campaign.RateLimit;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.LeadSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Body of {@code POST /api/campaigns} and {@code PUT /api/campaigns/{id}}. Omitted fields take the
 * library's defaults on create (auto-assign everything, always open, contact limit 5) and are
 * cleared or defaulted on update, which replaces the definition.
 */
public record CampaignRequest(String name, Integer contactLimit, AutoAssign autoAssign, Schedule schedule,
        Map<Channel, RateLimit> rateLimits, String sequenceId, Map<String, String> settings, String description) {

    /** Which new leads the campaign takes: {@code sources} empty means every source. */
    public record AutoAssign(boolean enabled, Set<LeadSource> sources, Integer maxLeads) {
        AutoAssignRule toRule() {
            return new AutoAssignRule(enabled, sources == null ? Set.of() : sources, Optional.ofNullable(maxLeads));
        }
    }

    NewCampaign toNewCampaign() {
        NewCampaign.Builder b = NewCampaign.builder(name);
        Optional.ofNullable(contactLimit).ifPresent(b::contactLimit);
        Optional.ofNullable(autoAssign).map(AutoAssign::toRule).ifPresent(b::autoAssign);
        Optional.ofNullable(schedule).ifPresent(b::schedule);
        Optional.ofNullable(rateLimits).ifPresent(limits -> limits.forEach(b::rateLimit));
        Optional.ofNullable(sequenceId).ifPresent(b::sequence);
        Optional.ofNullable(settings).ifPresent(s -> s.forEach(b::setting));
        Optional.ofNullable(description).ifPresent(b::description);
        return b.build();
    }

    /** {@code current} with this definition; status and times stay the library's to set. */
    Campaign applyTo(Campaign current) {
        NewCampaign spec = toNewCampaign();
        return new Campaign(current.id(), spec.name(), current.status(), spec.autoAssign(), spec.schedule(),
                spec.rateLimits(), spec.contactLimit(), spec.sequenceId(), spec.settings(), current.createdAt(),
                current.updatedAt(), spec.description());
    }
}
