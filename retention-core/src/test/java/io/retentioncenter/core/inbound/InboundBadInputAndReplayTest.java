package io.retentioncenter.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.AttemptKind;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.support.TestEngine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundBadInputAndReplayTest {
    private final InboundFixture f = InboundFixture.create();

    private long leads() {
        return f.t.store.listLeads(PageRequest.first(10)).total();
    }

    private String oneLead() {
        String body = InboundFixture.metaBody("9001", "ana@example.com", "+14155550123", "Ana");
        String leadId = f.postMeta(body).items().get(0).leadId().orElseThrow();
        f.t.engine.tick();
        return leadId;
    }

    // ---- Meta -----------------------------------------------------------------------------------

    @Test
    void metaHandshake() {
        assertThat(f.t.engine.inbound().metaHandshake(Map.of("hub.mode", "subscribe", "hub.verify_token", "verify-me",
                "hub.challenge", "1158201444"))).isEqualTo("1158201444");
        assertThatThrownBy(() -> f.t.engine.inbound().metaHandshake(Map.of("hub.mode", "subscribe",
                "hub.verify_token", "wrong", "hub.challenge", "1"))).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void metaRejectsBadBodiesAndSignaturesStoringNothing() {
        String good = InboundFixture.metaBody("1", "a@example.com", "+14155550123", "A");
        byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> f.t.engine.inbound().meta(bytes, Optional.empty()))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> f.t.engine.inbound().meta(bytes, Optional.of("sha256=" + "0".repeat(64))))
                .isInstanceOf(AuthenticationException.class);
        for (String bad : List.of("", "{not json", "[]", "{\"object\":\"page\"}", "{\"object\":\"user\",\"entry\":[]}",
                "{\"object\":\"page\",\"entry\":{}}")) {
            assertThatThrownBy(() -> f.t.engine.inbound().meta(bad.getBytes(StandardCharsets.UTF_8),
                    InboundFixture.sign(bad))).as(bad).isInstanceOf(InvalidPayloadException.class);
        }
        String huge = "{\"object\":\"page\",\"entry\":[],\"pad\":\"" + "x".repeat(1 << 20) + "\"}";
        assertThatThrownBy(() -> f.postMeta(huge)).isInstanceOf(InvalidPayloadException.class);
        assertThatThrownBy(() -> f.t.engine.inbound().meta(null, Optional.empty()))
                .isInstanceOf(ValidationException.class);
        assertThat(leads()).isZero();
    }

    @Test
    void oneBadChangeDoesNotLoseTheOthers() {
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"changes\":["
                + "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"11\",\"email\":\"good@example.com\"}},"
                + "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"12\",\"email\":\"not-an-email\"}},"
                + "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":{\"x\":1}}},"
                + "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"14\"}}]}]}";
        MetaIngestReport r = f.postMeta(body);
        assertThat(r.count(MetaIngestReport.Outcome.CREATED)).isEqualTo(1);
        assertThat(r.count(MetaIngestReport.Outcome.REJECTED)).isEqualTo(2);
        assertThat(r.count(MetaIngestReport.Outcome.FAILED)).as("ids only, no Graph client").isEqualTo(1);
        assertThat(r.shouldRetry()).isFalse();
        assertThat(leads()).isEqualTo(1);
    }

    @Test
    void metaReplayChangesNothing() {
        String body = InboundFixture.metaBody("77", "rep@example.com", "+14155550124", "Rep");
        assertThat(f.postMeta(body).count(MetaIngestReport.Outcome.CREATED)).isEqualTo(1);
        MetaIngestReport again = f.postMeta(body);
        assertThat(again.count(MetaIngestReport.Outcome.DUPLICATE)).isEqualTo(1);
        assertThat(leads()).isEqualTo(1);
        assertThat(f.t.store.listEnrollments(EnrollmentQuery.all(), PageRequest.first(10)).total()).isEqualTo(1);
    }

    // ---- Keitaro --------------------------------------------------------------------------------

    @Test
    void keitaroRejectsBadInputStoringNothing() {
        String leadId = oneLead();
        ContactAttempt a = f.t.store.attemptsOfLead(leadId).get(0);
        assertThatThrownBy(() -> f.t.engine.inbound().keitaroQuery("sub_id=" + a.id() + "&status=sale", Optional.empty()))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> f.postback("sub_id=" + a.id() + "&status=maybe"))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> f.postback("sub_id=" + a.id() + "&payout=lots"))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("payout"));
        assertThatThrownBy(() -> f.postback("status=sale")).isInstanceOf(InvalidPayloadException.class);
        assertThatThrownBy(() -> f.postback("sub_id=%zz")).isInstanceOf(InvalidPayloadException.class);
        assertThatThrownBy(() -> f.t.engine.inbound().keitaroJson("[1]".getBytes(StandardCharsets.UTF_8),
                Optional.of(InboundFixture.KEITARO_SECRET))).isInstanceOf(InvalidPayloadException.class);
        assertThatThrownBy(() -> f.t.engine.inbound().keitaroJson("{\"sub_id\":\"s\",\"payout\":1e400}"
                .getBytes(StandardCharsets.UTF_8), Optional.of(InboundFixture.KEITARO_SECRET)))
                .isInstanceOf(InvalidPayloadException.class);
        assertThat(f.t.store.conversionsOfLead(leadId)).isEmpty();
        assertThat(f.t.store.findLead(leadId).orElseThrow().status()).isEqualTo(LeadStatus.CONTACTED);
    }

    @Test
    void unknownSubIdIsStoredForInspectionAndChangesNothingElse() {
        KeitaroResult r = f.postback("sub_id=nobody&status=sale&payout=5");
        assertThat(r.outcome()).isEqualTo(KeitaroResult.Outcome.UNMATCHED);
        f.postback("sub_id=nobody&status=sale&payout=5");
        assertThat(f.t.store.listUnmatchedPostbacks(PageRequest.first(10)).items()).singleElement()
                .satisfies(u -> assertThat(u.params()).doesNotContainKey("secret"));
    }

    @Test
    void leadThenSaleUpgradesRejectedRejectsAndRebillAddsRevenue() {
        String leadId = oneLead();
        ContactAttempt a = f.t.store.attemptsOfLead(leadId).get(0);
        assertThat(f.postback("sub_id=" + a.id() + "&status=lead&payout=0").outcome())
                .isEqualTo(KeitaroResult.Outcome.CREATED);
        assertThat(f.t.store.findLead(leadId).orElseThrow().status()).isEqualTo(LeadStatus.CONTACTED);
        KeitaroResult sale = f.postback("sub_id=" + a.id() + "&status=sale&payout=40&tid=t1");
        assertThat(sale.outcome()).isEqualTo(KeitaroResult.Outcome.UPDATED);
        assertThat(sale.conversion().orElseThrow().status()).isEqualTo(ConversionStatus.SALE);
        KeitaroResult rebill = f.postback("sub_id=" + a.id() + "&status=rebill&payout=15&tid=t2");
        assertThat(rebill.conversion().orElseThrow().revenue()).isEqualByComparingTo(new BigDecimal("55"));
        assertThat(f.postback("sub_id=" + a.id() + "&status=rebill&payout=15&tid=t2").outcome())
                .isEqualTo(KeitaroResult.Outcome.REPLAY);
        assertThat(f.postback("sub_id=" + a.id() + "&status=ping").outcome())
                .isEqualTo(KeitaroResult.Outcome.IGNORED_STATUS);
        assertThat(f.postback("sub_id=" + a.id() + "&status=rejected&tid=t3").outcome())
                .isEqualTo(KeitaroResult.Outcome.UPDATED);
        assertThat(f.t.store.findLead(leadId).orElseThrow().status()).isEqualTo(LeadStatus.REJECTED);
        assertThat(f.t.store.conversionsOfLead(leadId)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ConversionStatus.REJECTED));
    }

    @Test
    void subIdMatchesALeadsExternalIdAndCreditsItsLatestAttempt() {
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"changes\":[{\"field\":\"leadgen\","
                + "\"value\":{\"leadgen_id\":\"5\",\"email\":\"ext@example.com\",\"external_id\":\"3kq9v1h8f2a7c\"}}]}]}";
        String leadId = f.postMeta(body).items().get(0).leadId().orElseThrow();
        f.t.engine.tick();
        ContactAttempt latest = f.t.store.attemptsOfLead(leadId).get(0);
        KeitaroResult r = f.postback("sub_id=3kq9v1h8f2a7c&status=sale&payout=45.00&tid=rc-conv-0002"
                + "&click_id=fb.1.1763990000.AbCdEf&campaign_id=17&campaign_name=FB%20ES%20retention");
        assertThat(r.outcome()).isEqualTo(KeitaroResult.Outcome.CREATED);
        assertThat(r.conversion().orElseThrow().attemptId()).contains(latest.id());
    }

    @Test
    void inboundWithoutConfigurationSaysWhatToConfigure() {
        TestEngine plain = TestEngine.create();
        assertThatThrownBy(() -> plain.engine.inbound().keitaro(Map.of("sub_id", "x"), Optional.empty()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("keitaro(");
        assertThatThrownBy(() -> plain.engine.inbound().meta(new byte[0], Optional.empty()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("metaWebhooks(");
    }

    // ---- provider events ----------------------------------------------------------------------

    private ProviderEvent.Builder event(String key, Channel ch, ProviderEventType type) {
        return ProviderEvent.builder(key, ch, "recording-" + ch.name().toLowerCase(), type, f.t.clock.instant());
    }

    @Test
    void providerEventsValidateTheirList() {
        assertThatThrownBy(() -> f.t.engine.inbound().providerEvents(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.t.engine.inbound().providerEvents(java.util.Arrays.asList((ProviderEvent) null)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> event("k", Channel.SMS, ProviderEventType.DELIVERED).build())
                .as("an event that cannot be matched").isInstanceOf(InvalidPayloadException.class);
        assertThat(f.t.engine.inbound().providerEvents(List.of(event("k", Channel.SMS, ProviderEventType.DELIVERED)
                .providerRef("nope").build())).get(0).outcome()).isEqualTo(ProviderEventResult.Outcome.UNMATCHED);
    }

    @Test
    void aDeliveryReportWithAMessageIdIsMatchedByThatIdOnlyNeverByThePhone() {
        String leadId = oneLead();
        f.t.clock.advance(java.time.Duration.ofHours(12));
        f.t.engine.tick();
        ContactAttempt sms = f.t.store.attemptsOfLead(leadId).stream().filter(a -> a.channel() == Channel.SMS)
                .findFirst().orElseThrow();
        AttemptStatus before = sms.status();

        ProviderEventResult r = f.t.engine.inbound().providerEvents(List.of(
                event("dlr-x", Channel.SMS, ProviderEventType.FAILED).providerRef("someone-elses-message")
                        .recipient("+14155550123").build())).get(0);

        assertThat(r.outcome()).isNotEqualTo(ProviderEventResult.Outcome.APPLIED);
        assertThat(f.t.store.findAttempt(sms.id()).orElseThrow().status()).isEqualTo(before);
    }

    @Test
    void statusesOnlyMoveForwardAndReplaysChangeNothing() {
        String leadId = oneLead();
        ContactAttempt a = f.t.store.attemptsOfLead(leadId).get(0);
        ProviderEvent delivered = event("d1", Channel.EMAIL, ProviderEventType.DELIVERED).attemptId(a.id()).build();
        ProviderEvent replied = event("r1", Channel.EMAIL, ProviderEventType.REPLIED).attemptId(a.id()).build();
        ProviderEvent lateSent = event("s1", Channel.EMAIL, ProviderEventType.SENT).attemptId(a.id()).build();
        assertThat(f.t.engine.inbound().providerEvents(List.of(delivered, replied, lateSent, replied)))
                .extracting(ProviderEventResult::outcome).containsExactly(ProviderEventResult.Outcome.APPLIED,
                        ProviderEventResult.Outcome.APPLIED, ProviderEventResult.Outcome.NO_CHANGE,
                        ProviderEventResult.Outcome.NO_CHANGE);
        assertThat(f.t.store.findAttempt(a.id()).orElseThrow().status()).isEqualTo(AttemptStatus.REPLIED);
    }

    @Test
    void stopOptsOutExitsEveryEnrollmentAndNothingIsSentAfterwards() {
        String leadId = oneLead();
        int before = f.t.totalSends();
        List<ProviderEventResult> r = f.t.engine.inbound().providerEvents(List.of(
                event("stop1", Channel.SMS, ProviderEventType.OPTED_OUT).recipient("+14155550123").build()));
        assertThat(r.get(0).outcome()).isEqualTo(ProviderEventResult.Outcome.APPLIED);
        assertThat(f.t.store.findLead(leadId).orElseThrow().status()).isEqualTo(LeadStatus.DO_NOT_CONTACT);
        assertThat(f.t.store.listEnrollments(EnrollmentQuery.ofLead(leadId), PageRequest.first(5)).items())
                .allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo(EnrollmentStatus.EXITED);
                    assertThat(e.exitReason()).contains(ExitReason.OPTED_OUT);
                });
        assertThat(f.t.engine.inbound().providerEvents(List.of(
                event("stop1", Channel.SMS, ProviderEventType.OPTED_OUT).recipient("+14155550123").build()))
                .get(0).outcome()).isEqualTo(ProviderEventResult.Outcome.NO_CHANGE);
        for (int i = 0; i < 10; i++) {
            f.t.clock.advance(Duration.ofDays(1));
            f.t.engine.tick();
        }
        assertThat(f.t.totalSends()).isEqualTo(before);
    }

    @Test
    void callBackLaterSchedulesACallAtTheAskedTime() {
        String leadId = oneLead();
        ContactAttempt email = f.t.store.attemptsOfLead(leadId).get(0);
        Instant asked = f.t.clock.instant().plus(Duration.ofHours(30));
        ProviderEvent callback = event("cb1", Channel.CALL, ProviderEventType.CALLBACK_REQUESTED)
                .attemptId(email.id()).callbackAt(asked).build();
        ProviderEventResult r = f.t.engine.inbound().providerEvents(List.of(callback, callback)).get(0);
        ContactAttempt scheduled = f.t.store.findAttempt(r.followUpAttemptId().orElseThrow()).orElseThrow();
        assertThat(scheduled.kind()).isEqualTo(AttemptKind.CALLBACK);
        assertThat(scheduled.channel()).isEqualTo(Channel.CALL);
        assertThat(scheduled.dueAt()).isEqualTo(asked);
        assertThat(f.t.store.attemptsOfLead(leadId)).filteredOn(x -> x.kind() == AttemptKind.CALLBACK).hasSize(1);
        f.t.clock.set(asked);
        f.t.engine.tick();
        assertThat(f.t.call.sent()).extracting(m -> m.attemptId()).contains(scheduled.id());
    }
}
