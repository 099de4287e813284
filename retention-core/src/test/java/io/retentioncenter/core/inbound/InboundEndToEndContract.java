package io.retentioncenter.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.spi.RetentionStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole path on a given store: a Meta payload in, the sequence running over simulated days,
 * provider events in, a Keitaro sale postback in; the enrollment ends CONVERTED, no later step is
 * sent, and the conversion is credited to the step and A/B variant that preceded it.
 */
public abstract class InboundEndToEndContract {

    /** A fresh, empty store. */
    protected abstract RetentionStore newStore();

    @Test
    void metaLeadRunsThroughTheSequenceUntilTheKeitaroSale() {
        InboundFixture f = InboundFixture.on(newStore());
        MetaIngestReport in = f.postMeta(InboundFixture.metaBody("1234567890123456", "Maria.Garcia@example.com",
                "+1 415 555 0123", "Maria"));
        assertThat(in.count(MetaIngestReport.Outcome.CREATED)).isEqualTo(1);
        String leadId = in.items().get(0).leadId().orElseThrow();
        Lead lead = f.t.store.findLead(leadId).orElseThrow();
        assertThat(lead.source()).isEqualTo(io.retentioncenter.core.lead.LeadSource.META);
        assertThat(lead.email()).contains("maria.garcia@example.com");
        assertThat(lead.attributes()).containsEntry("meta.leadgen_id", "1234567890123456");

        f.t.engine.tick();                                     // step 1: EMAIL (A/B variant)
        ContactAttempt email = f.t.store.attemptsOfLead(leadId).get(0);
        assertThat(email.variant()).isPresent();
        List<ProviderEventResult> opened = f.t.engine.inbound().providerEvents(List.of(
                ProviderEvent.builder("instantly:open:1", Channel.EMAIL, "recording-email", ProviderEventType.OPENED,
                        f.t.clock.instant()).recipient("maria.garcia@example.com").build()));
        assertThat(opened.get(0).outcome()).isEqualTo(ProviderEventResult.Outcome.APPLIED);
        assertThat(opened.get(0).followUpAttemptId()).as("opened, not converted: an extra SMS").isPresent();

        f.t.clock.advance(Duration.ofHours(12));
        f.t.engine.tick();                                     // step 2: SMS (+ the re-engagement SMS)
        ContactAttempt sms = f.t.store.attemptsOfLead(leadId).stream()
                .filter(a -> a.stepOrder().filter(s -> s == 2).isPresent()).findFirst().orElseThrow();
        f.t.engine.inbound().providerEvents(List.of(ProviderEvent.builder("sms:dlr:1", Channel.SMS, "recording-sms",
                ProviderEventType.SUCCEEDED, f.t.clock.instant()).providerRef(sms.providerRef().orElseThrow()).build()));
        assertThat(f.t.store.findAttempt(sms.id()).orElseThrow().status()).isEqualTo(AttemptStatus.SUCCESS);
        int sendsBeforeSale = f.t.totalSends();

        KeitaroResult sale = f.postback("sub_id=" + sms.id() + "&status=sale&payout=45.00&tid=rc-conv-0002"
                + "&currency=usd");
        assertThat(sale.outcome()).isEqualTo(KeitaroResult.Outcome.CREATED);
        assertThat(sale.exitedEnrollments()).isEqualTo(1);
        Conversion c = sale.conversion().orElseThrow();
        assertThat(c.attemptId()).contains(sms.id());
        assertThat(c.stepOrder()).contains(2);
        assertThat(c.channel()).contains(Channel.SMS);
        assertThat(c.revenue()).isEqualByComparingTo(new BigDecimal("45.00"));
        assertThat(c.status()).isEqualTo(ConversionStatus.SALE);

        for (int day = 0; day < 10; day++) {
            f.t.clock.advance(Duration.ofDays(1));
            f.t.engine.tick();
        }
        assertThat(f.t.totalSends()).as("nothing is sent after the sale").isEqualTo(sendsBeforeSale);
        SequenceEnrollment e = f.t.store.listEnrollments(EnrollmentQuery.ofLead(leadId), PageRequest.first(5))
                .items().get(0);
        assertThat(e.status()).isEqualTo(EnrollmentStatus.CONVERTED);
        assertThat(f.t.store.findLead(leadId).orElseThrow().status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(f.postback("sub_id=" + sms.id() + "&status=sale&payout=45.00&tid=rc-conv-0002").outcome())
                .as("replayed postback").isEqualTo(KeitaroResult.Outcome.REPLAY);
        assertThat(f.t.store.conversionsOfLead(leadId)).hasSize(1);
    }

    @Test
    void saleCreditsTheEmailVariantThatPrecededIt() {
        InboundFixture f = InboundFixture.on(newStore());
        String leadId = f.postMeta(InboundFixture.metaBody("222", "ab@example.com", "+14155550177", "Ab"))
                .items().get(0).leadId().orElseThrow();
        f.t.engine.tick();
        ContactAttempt email = f.t.store.attemptsOfLead(leadId).get(0);
        Lead lead = f.t.store.findLead(leadId).orElseThrow();
        KeitaroResult sale = f.postback("sub_id=" + email.id() + "&status=sale&payout=10");
        assertThat(sale.conversion().orElseThrow().variant()).isEqualTo(email.variant());
        assertThat(sale.conversion().get().abTestId()).contains(f.abTestId);
        assertThat(sale.verdict()).as("the judge was asked").isPresent();
        assertThat(f.t.engine.experiments().counts(f.abTestId).get(email.variant().orElseThrow()).converted())
                .isEqualTo(1);
        assertThat(lead.id()).isEqualTo(leadId);
    }
}
