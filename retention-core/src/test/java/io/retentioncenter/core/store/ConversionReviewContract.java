package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.campaign;
import static io.retentioncenter.core.store.StoreFixtures.minutes;
import static io.retentioncenter.core.store.StoreFixtures.postback;
import static io.retentioncenter.core.store.StoreFixtures.unmatched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionQuery;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.ConversionTotals;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The conversions page's store calls ({@code ConversionReviewStore}). Pinned down here:
 * conversions are listed newest first; the lead source filter reads the lead's source; totals
 * count every matched conversion, and revenue only that of SALE conversions, per currency
 * ({@code "none"} without one); an unmatched postback is linked to one lead only, the first.
 */
public interface ConversionReviewContract extends StoreUnderTest {

    /**
     * lead_1 (API): SALE 45.00 USD by email at m10 and SALE 10.50 EUR in camp_2 at m30; lead_2 (BULK):
     * LEAD by SMS at m20; lead_3: REJECTED at m40.
     */
    private void fourConversions() {
        store().saveCampaign(campaign(CAMPAIGN));
        store().saveCampaign(campaign("camp_2"));
        savedLead("lead_1");
        Lead bulk = StoreFixtures.lead("lead_2");
        saved(new Lead(bulk.id(), bulk.externalId(), bulk.firstName(), bulk.lastName(), bulk.email(), bulk.phone(),
                LeadSource.BULK, bulk.status(), bulk.subId(), bulk.clickId(), bulk.timezone(), bulk.attributes(),
                bulk.contactCount(), bulk.createdAt(), bulk.updatedAt()));
        savedLead("lead_3");
        record("cnv_1", "lead_1", CAMPAIGN, Channel.EMAIL, PostbackKind.SALE, "45.00", Optional.of("USD"), minutes(10));
        record("cnv_2", "lead_2", CAMPAIGN, Channel.SMS, PostbackKind.LEAD, "3", Optional.empty(), minutes(20));
        record("cnv_3", "lead_1", "camp_2", Channel.EMAIL, PostbackKind.SALE, "10.50", Optional.of("EUR"), minutes(30));
        record("cnv_4", "lead_3", CAMPAIGN, Channel.EMAIL, PostbackKind.REJECTED, "0", Optional.empty(), minutes(40));
    }

    private void record(String id, String leadId, String campaignId, Channel channel, PostbackKind kind, String payout,
            Optional<String> currency, Instant at) {
        Conversion c = new Conversion(id, leadId, campaignId, Optional.of(channel), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), ConversionStatus.LEAD, BigDecimal.ZERO, currency,
                Optional.empty(), at, at, Map.of());
        store().recordConversion(postback("key_" + id, kind, c, payout, at));
    }

    private java.util.List<String> ids(ConversionQuery query) {
        return store().listConversions(query, PageRequest.first(10)).items().stream().map(Conversion::id).toList();
    }

    @Test
    default void conversionsAreFilteredAndPagedNewestFirst() {
        fourConversions();

        assertThat(ids(ConversionQuery.all())).containsExactly("cnv_4", "cnv_3", "cnv_2", "cnv_1");
        assertThat(ids(ConversionQuery.all().withStatus(ConversionStatus.SALE))).containsExactly("cnv_3", "cnv_1");
        assertThat(ids(ConversionQuery.all().withCampaign(CAMPAIGN))).containsExactly("cnv_4", "cnv_2", "cnv_1");
        assertThat(ids(ConversionQuery.all().withChannel(Channel.SMS))).containsExactly("cnv_2");
        assertThat(ids(ConversionQuery.all().withSource(LeadSource.BULK))).containsExactly("cnv_2");
        assertThat(ids(ConversionQuery.all().withSource(LeadSource.META))).isEmpty();
        assertThat(ids(ConversionQuery.all().between(minutes(20), minutes(40)))).containsExactly("cnv_3", "cnv_2");
        assertThat(ids(ConversionQuery.all().withCampaign(CAMPAIGN).withStatus(ConversionStatus.SALE)
                .between(minutes(0), minutes(11)))).containsExactly("cnv_1");
        Page<Conversion> page = store().listConversions(ConversionQuery.all(), new PageRequest(1, 2));
        assertThat(page.items()).extracting(Conversion::id).containsExactly("cnv_3", "cnv_2");
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items().get(0)).isEqualTo(store().conversionsOfLead("lead_1").get(1));
    }

    @Test
    default void totalsCountConversionsAndAddSaleRevenuePerCurrency() {
        fourConversions();

        ConversionTotals all = store().conversionTotals(ConversionQuery.all());
        assertThat(all.conversions()).isEqualTo(4);
        assertThat(all.sales()).isEqualTo(2);
        assertThat(all.rejected()).isEqualTo(1);
        assertThat(all.revenue()).isEqualByComparingTo("55.50");
        assertThat(all.revenueByCurrency()).containsOnlyKeys("USD", "EUR");
        assertThat(all.revenueByCurrency().get("EUR")).isEqualByComparingTo("10.50");

        ConversionTotals early = store().conversionTotals(ConversionQuery.all().between(minutes(0), minutes(25)));
        assertThat(early.conversions()).isEqualTo(2);
        assertThat(early.sales()).isEqualTo(1);
        assertThat(early.revenue()).isEqualByComparingTo("45.00");

        ConversionTotals none = store().conversionTotals(ConversionQuery.all().between(minutes(50), minutes(60)));
        assertThat(none.conversions()).isZero();
        assertThat(none.revenue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(none.revenueByCurrency()).isEmpty();

        record("cnv_5", "lead_2", "camp_2", Channel.SMS, PostbackKind.SALE, "7", Optional.empty(), minutes(50));
        assertThat(store().conversionTotals(ConversionQuery.all().withChannel(Channel.SMS)).revenueByCurrency())
                .containsOnlyKeys(ConversionTotals.NO_CURRENCY);
    }

    @Test
    default void anUnmatchedPostbackIsLinkedToOneLeadOnly() {
        savedLead("lead_1");
        savedLead("lead_2");
        store().recordUnmatchedPostback(unmatched("pb_1", minutes(1)));
        assertThat(store().findUnmatchedPostback("pb_1")).contains(unmatched("pb_1", minutes(1)));
        assertThat(store().findUnmatchedPostback("pb_missing")).isEmpty();

        UnmatchedPostback linked = store().matchUnmatchedPostback("pb_1", "lead_1", minutes(5));
        assertThat(linked.matchedLeadId()).contains("lead_1");
        assertThat(linked.matchedAt()).contains(minutes(5));
        assertThat(store().matchUnmatchedPostback("pb_1", "lead_2", minutes(6))).isEqualTo(linked);
        assertThat(store().findUnmatchedPostback("pb_1")).contains(linked);
        assertThat(store().listUnmatchedPostbacks(PageRequest.first(5)).items()).containsExactly(linked);

        assertThatThrownBy(() -> store().matchUnmatchedPostback("pb_missing", "lead_1", minutes(6)))
                .isInstanceOf(NotFoundException.class);
        store().recordUnmatchedPostback(unmatched("pb_2", minutes(2)));
        assertThatThrownBy(() -> store().matchUnmatchedPostback("pb_2", "lead_missing", minutes(6)))
                .isInstanceOf(NotFoundException.class);
        assertThat(store().findUnmatchedPostback("pb_2").orElseThrow().matchedLeadId()).isEmpty();
    }
}
