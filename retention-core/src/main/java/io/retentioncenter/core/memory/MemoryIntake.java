package io.retentioncenter.core.memory;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.MemberStatus;
import io.retentioncenter.core.internal.IntakeSteps;
import io.retentioncenter.core.lead.IntakeOutcome;
import io.retentioncenter.core.lead.IntakeRoute;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadInsertResult;
import io.retentioncenter.core.lead.LeadIntake;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lead intake for {@link InMemoryRetentionStore}: the store's own atomic operations, run while the
 * caller holds the store's (reentrant) lock, so an intake is one unit of work. Routes are checked
 * before anything is written, so a missing campaign or sequence leaves no half intake behind.
 */
final class MemoryIntake implements IntakeSteps.Operations {
    private final InMemoryRetentionStore store;
    private final ConfigRegistry config;
    private final LeadTable leads;

    MemoryIntake(InMemoryRetentionStore store, ConfigRegistry config, LeadTable leads) {
        this.store = store;
        this.config = config;
        this.leads = leads;
    }

    /** Applies {@code intake}; the caller holds the store's lock. */
    IntakeOutcome apply(LeadIntake intake) {
        for (IntakeRoute route : intake.routes()) {
            if (config.campaign(route.campaignId()).isEmpty()) {
                throw new NotFoundException("campaign", route.campaignId());
            }
            route.sequence().filter(s -> !config.hasSequence(s.sequenceId())).ifPresent(s -> {
                throw new NotFoundException("sequence", s.sequenceId());
            });
        }
        LeadInsertResult inserted = store.insertLeadIfAbsent(IntakeSteps.asInserted(intake));
        if (inserted.created()) {
            leads.history().record(intake.candidate(), inserted.lead());
        }
        return IntakeSteps.apply(intake, inserted, this);
    }

    @Override
    public Assignment assign(String campaignId, String leadId, Optional<Integer> cap, Instant at) {
        return store.assignLead(campaignId, leadId, cap, at);
    }

    @Override
    public EnrollResult enroll(SequenceEnrollment enrollment, Duration cooldown) {
        return store.enroll(enrollment, cooldown);
    }

    @Override
    public Lead start(Lead lead, Instant at) {
        Lead current = store.findLead(lead.id()).orElseThrow(() -> new NotFoundException("lead", lead.id()));
        Lead started = IntakeSteps.started(current, at);
        return started == current ? current : store.updateLeadStatus(lead.id(), started.status(), at);
    }

    @Override
    public boolean isActiveMember(String campaignId, String leadId) {
        return store.campaignMember(campaignId, leadId).filter(m -> m.status() == MemberStatus.ACTIVE).isPresent();
    }

    @Override
    public List<SequenceEnrollment> enrollmentsOf(String leadId) {
        return store.enrollmentsOfLead(leadId);
    }
}
