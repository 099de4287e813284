package io.retentioncenter.core.inbound.keitaro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.internal.InputText;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class KeitaroPostbackParserTest {
    private static final Instant AT = Instant.parse("2026-11-24T15:00:00Z");
    private static final Optional<String> NO_HEADER = Optional.empty();

    private static final KeitaroPostbackParser parser = KeitaroPostbackParser.builder().sharedSecret("CHANGE_ME").build();
    private static final KeitaroPostbackParser open = KeitaroPostbackParser.builder().unauthenticated().build();

    private static List<String> fixtureLines() throws IOException {
        try (InputStream in = KeitaroPostbackParserTest.class.getResourceAsStream("/fixtures/keitaro-postback.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> (l.startsWith("https://") || l.startsWith("GET ")) && !l.contains("{"))
                    .toList();
        }
    }

    private static String query(String line) {
        return line.substring(line.indexOf('?') + 1);
    }

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidPayloadException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void theReceivedFixturePostbackParses() throws IOException {
        String received = fixtureLines().stream().filter(l -> l.startsWith("GET ")).findFirst().orElseThrow();

        KeitaroPostback postback = (KeitaroPostback) parser.parseQuery(query(received), NO_HEADER, AT);

        assertThat(postback.subId()).isEqualTo("3kq9v1h8f2a7c");
        assertThat(postback.kind()).isEqualTo(PostbackKind.SALE);
        assertThat(postback.payout()).isEqualByComparingTo("45.00");
        assertThat(postback.transactionId()).contains("rc-conv-0002");
        assertThat(postback.clickId()).contains("fb.1.1763990000.AbCdEf");
        assertThat(postback.campaignId()).contains("17");
        assertThat(postback.campaignName()).contains("FB ES retention");
        assertThat(postback.originalStatus()).contains("sale");
        assertThat(postback.currency()).isEmpty();
        assertThat(postback.receivedAt()).isEqualTo(AT);
        assertThat(postback.raw()).doesNotContainKey("secret").containsEntry("sub_id_4", "lead_01JDA7Q4X2")
                .containsEntry("campaign_name", "FB ES retention");
        assertThat(postback.replayKey()).isEqualTo("3kq9v1h8f2a7c|SALE|rc-conv-0002");
    }

    @Test
    void everyKeitaroStylePostbackOfTheFixtureParses() throws IOException {
        List<KeitaroParseResult> results = fixtureLines().stream().filter(l -> l.startsWith("https://"))
                .map(l -> open.parseQuery(query(l), NO_HEADER, AT)).toList();

        assertThat(results).hasSize(5).allSatisfy(r -> assertThat(r).isInstanceOf(KeitaroPostback.class));
        assertThat(results).extracting(r -> ((KeitaroPostback) r).kind()).containsExactly(
                PostbackKind.LEAD, PostbackKind.SALE, PostbackKind.REBILL, PostbackKind.REJECTED, PostbackKind.SALE);
        KeitaroPostback lead = (KeitaroPostback) results.get(0);
        assertThat(lead.subId()).isEqualTo("3kq9v1h8f2a7c");
        assertThat(lead.currency()).contains("USD");
        assertThat(lead.payout()).isEqualByComparingTo(BigDecimal.ZERO);
        KeitaroPostback rejected = (KeitaroPostback) results.get(3);
        assertThat(rejected.payout()).isEqualTo(BigDecimal.ZERO);
        KeitaroPostback custom = (KeitaroPostback) results.get(4);
        assertThat(custom.originalStatus()).contains("ftd");
        assertThat(custom.replayKey()).isEqualTo("3kq9v1h8f2a7c|SALE|45");
    }

    @Test
    void mapFormAndJsonEntryPointsAgree() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("secret", "CHANGE_ME");
        params.put("subid", "abc");
        params.put("status", "lead");
        params.put("revenue", "12.5");
        params.put("currency", "eur");
        params.put("campaign_name", "FB ES");

        KeitaroParseResult fromMap = parser.parseParams(params, NO_HEADER, AT);
        KeitaroParseResult fromForm = parser.parseQuery("secret=CHANGE_ME&subid=abc&status=lead&revenue=12.5&currency=eur"
                + "&campaign_name=FB+ES", NO_HEADER, AT);
        KeitaroParseResult fromJson = parser.parseJson(("{\"secret\":\"CHANGE_ME\",\"subid\":\"abc\",\"status\":\"lead\","
                + "\"revenue\":12.5,\"currency\":\"eur\",\"campaign_name\":\"FB ES\"}").getBytes(StandardCharsets.UTF_8),
                NO_HEADER, AT);

        assertThat(fromForm).isEqualTo(fromMap);
        assertThat(fromJson).isEqualTo(fromMap);
        KeitaroPostback postback = (KeitaroPostback) fromMap;
        assertThat(postback.subId()).isEqualTo("abc");
        assertThat(postback.kind()).isEqualTo(PostbackKind.LEAD);
        assertThat(postback.payout()).isEqualTo(new BigDecimal("12.5"));
        assertThat(postback.currency()).contains("EUR");
        assertThat(postback.raw()).doesNotContainKey("secret");
        assertThat(postback.replayKey()).isEqualTo("abc|LEAD|12.5");
    }

    @Test
    void statusDefaultsToSaleAndAcceptsTheSeedsReject() {
        KeitaroPostback noStatus = (KeitaroPostback) open.parseQuery("sub_id=a", NO_HEADER, AT);
        assertThat(noStatus.kind()).isEqualTo(PostbackKind.SALE);
        assertThat(noStatus.originalStatus()).isEmpty();
        assertThat(noStatus.payout()).isEqualTo(BigDecimal.ZERO);
        assertThat(noStatus.replayKey()).isEqualTo("a|SALE|0");

        assertThat(((KeitaroPostback) open.parseQuery("sub_id=a&status=reject", NO_HEADER, AT)).kind())
                .isEqualTo(PostbackKind.REJECTED);
        assertThat(((KeitaroPostback) open.parseQuery("sub_id=a&status=REBILL&payout=3", NO_HEADER, AT)).kind())
                .isEqualTo(PostbackKind.REBILL);
    }

    @Test
    void replayKeyIgnoresTrailingZerosAndPrefersTid() {
        KeitaroPostback a = (KeitaroPostback) open.parseQuery("sub_id=s&payout=45", NO_HEADER, AT);
        KeitaroPostback b = (KeitaroPostback) open.parseQuery("sub_id=s&payout=45.00", NO_HEADER, AT.plusSeconds(60));
        KeitaroPostback c = (KeitaroPostback) open.parseQuery("sub_id=s&payout=45.00&tid=t-1", NO_HEADER, AT);
        assertThat(a.replayKey()).isEqualTo(b.replayKey()).isEqualTo("s|SALE|45");
        assertThat(c.replayKey()).isEqualTo("s|SALE|t-1");
    }

    @Test
    void customStatusesMapThroughTheBuilder() {
        KeitaroPostbackParser custom = KeitaroPostbackParser.builder().unauthenticated()
                .leadStatuses("reg", "0").saleStatuses("FTD", "dep", "1").rejectedStatuses("fake", "2")
                .ignoredStatuses("ping", "test").build();

        assertThat(((KeitaroPostback) custom.parseQuery("sub_id=s&status=ftd", NO_HEADER, AT)).kind()).isEqualTo(PostbackKind.SALE);
        assertThat(((KeitaroPostback) custom.parseQuery("sub_id=s&status=Reg", NO_HEADER, AT)).kind()).isEqualTo(PostbackKind.LEAD);
        assertThat(((KeitaroPostback) custom.parseQuery("sub_id=s&status=2", NO_HEADER, AT)).kind()).isEqualTo(PostbackKind.REJECTED);
        assertThat(((KeitaroPostback) custom.parseQuery("sub_id=s&status=sale", NO_HEADER, AT)).kind()).isEqualTo(PostbackKind.SALE);

        KeitaroParseResult ping = custom.parseQuery("status=PING&foo=bar", NO_HEADER, AT);
        assertThat(ping).isEqualTo(new IgnoredKeitaroPostback("PING", Map.of("status", "PING", "foo", "bar"), AT));
    }

    @Test
    void requestListsMapAndIgnoreStatusesLikeKeitaro() {
        assertThat(((KeitaroPostback) open.parseQuery("sub_id=s&status=trash&rejected_status=fake,%20trash", NO_HEADER, AT))
                .kind()).isEqualTo(PostbackKind.REJECTED);
        assertThat(open.parseQuery("sub_id=s&status=test&ignore_status=ping,test", NO_HEADER, AT))
                .isInstanceOf(IgnoredKeitaroPostback.class);
        assertThat(open.parseQuery("status=ping&ignore=ping", NO_HEADER, AT)).isInstanceOf(IgnoredKeitaroPostback.class);
    }

    @Test
    void unknownStatusIsRejectedNamingStatus() {
        assertInvalid(() -> open.parseQuery("sub_id=s&status=approved", NO_HEADER, AT), "status");
        assertThatThrownBy(() -> open.parseQuery("sub_id=s&status=" + "x".repeat(500), NO_HEADER, AT))
                .hasMessageContaining("x".repeat(InputText.ECHO_LENGTH) + "…")
                .hasMessageNotContaining("x".repeat(InputText.ECHO_LENGTH + 1));
    }

    @Test
    void moreThanMaxParamsAreRefusedBeforeTheyAreRead() {
        StringBuilder query = new StringBuilder("sub_id=s");
        StringBuilder json = new StringBuilder("{\"sub_id\":\"s\"");
        for (int i = 0; i < KeitaroPostbackParser.MAX_PARAMS; i++) {
            query.append("&p").append(i).append("=%zz");
            json.append(",\"p").append(i).append("\":{}");
        }
        assertInvalid(() -> open.parseQuery(query.toString(), NO_HEADER, AT), "params");
        assertInvalid(() -> open.parseJson(json.append('}').toString().getBytes(StandardCharsets.UTF_8), NO_HEADER, AT),
                "params");
    }

    @Test
    void namesThatAreTheSameOnceCleanedAreRepeatedParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sub_id", "a");
        params.put("sub_id\u0001", "b");
        assertInvalid(() -> open.parseParams(params, NO_HEADER, AT), "sub_id");
        assertInvalid(() -> open.parseParams(Map.of("\u0001", "x", "sub_id", "s"), NO_HEADER, AT), "params");
    }

    @Test
    void secretIsCheckedFromParameterOrHeader() {
        assertThat(parser.parseQuery("sub_id=s", Optional.of("CHANGE_ME"), AT)).isInstanceOf(KeitaroPostback.class);
        assertThatThrownBy(() -> parser.parseQuery("sub_id=s", NO_HEADER, AT))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> parser.parseQuery("sub_id=s&secret=", NO_HEADER, AT))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> parser.parseQuery("sub_id=s&secret=CHANGE_ME2", NO_HEADER, AT))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("does not match")
                .hasMessageNotContaining("CHANGE_ME");
        assertThatThrownBy(() -> parser.parseQuery("sub_id=s&secret=CHANGE_ME", Optional.of("wrong"), AT))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> parser.parseQuery("status=ping&ignore=ping", NO_HEADER, AT))
                .as("authentication comes before everything else").isInstanceOf(AuthenticationException.class);
    }

    @Test
    void theSecretNeverReachesRawEvenWhenUnauthenticated() {
        assertThat(open.parseQuery("sub_id=s&secret=whatever", NO_HEADER, AT).raw()).containsOnlyKeys("sub_id");
    }

    @Test
    void payoutMustBeANonNegativeDecimal() {
        for (String bad : new String[] {"abc", "-5", "-0.01", "1e3", "45,00", "NaN", "Infinity", "0x10", ".5", "1.", "1".repeat(19)}) {
            assertInvalid(() -> open.parseQuery("sub_id=s&payout=" + bad, NO_HEADER, AT), "payout");
        }
        assertThatThrownBy(() -> open.parseQuery("sub_id=s&payout=-5", NO_HEADER, AT)).hasMessageContaining("negative");
        assertInvalid(() -> open.parseQuery("sub_id=s&revenue=abc", NO_HEADER, AT), "payout");
        assertInvalid(() -> open.parseJson("{\"sub_id\":\"s\",\"payout\":-1}".getBytes(StandardCharsets.UTF_8), NO_HEADER, AT), "payout");
    }

    @Test
    void conflictingAliasesAreAmbiguous() {
        assertInvalid(() -> open.parseQuery("sub_id=a&subid=b", NO_HEADER, AT), "sub_id");
        assertInvalid(() -> open.parseQuery("sub_id=a&payout=1&revenue=2", NO_HEADER, AT), "payout");
        assertThat(((KeitaroPostback) open.parseQuery("sub_id=a&subid=a", NO_HEADER, AT)).subId()).isEqualTo("a");
    }

    @Test
    void missingOrBadFieldsAreNamed() {
        assertInvalid(() -> open.parseQuery("status=sale&payout=4", NO_HEADER, AT), "sub_id");
        assertInvalid(() -> open.parseQuery("sub_id=%20%20", NO_HEADER, AT), "sub_id");
        assertInvalid(() -> open.parseQuery("sub_id=s&currency=dollars", NO_HEADER, AT), "currency");
        assertInvalid(() -> open.parseParams(Map.of("status", "sale"), NO_HEADER, AT), "sub_id");
    }

    @Test
    void malformedFormEncodingIsRejected() {
        assertInvalid(() -> open.parseQuery("sub_id=s&campaign_name=50%", NO_HEADER, AT), "campaign_name");
        assertInvalid(() -> open.parseQuery("sub_id=%zz", NO_HEADER, AT), "sub_id");
        assertInvalid(() -> open.parseQuery("sub%4=s", NO_HEADER, AT), "body");
        assertInvalid(() -> open.parseQuery("=s", NO_HEADER, AT), "body");
        assertInvalid(() -> open.parseQuery("sub_id=a&sub_id=b", NO_HEADER, AT), "sub_id");
    }

    @Test
    void formDecodingHandlesPlusQuestionMarkAndEmptyPairs() {
        KeitaroPostback p = (KeitaroPostback) open.parseQuery("?sub_id=s&&campaign_name=FB+ES%2Fretention&flag\n", NO_HEADER, AT);
        assertThat(p.campaignName()).contains("FB ES/retention");
        assertThat(p.raw()).containsEntry("flag", "");
    }

    @Test
    void emptyAndOversizedInputIsRejected() {
        assertInvalid(() -> open.parseQuery("", NO_HEADER, AT), "body");
        assertInvalid(() -> open.parseQuery("  ", NO_HEADER, AT), "body");
        assertInvalid(() -> open.parseQuery("?", NO_HEADER, AT), "body");
        assertInvalid(() -> open.parseQuery(null, NO_HEADER, AT), "body");
        assertInvalid(() -> open.parseJson(new byte[0], NO_HEADER, AT), "body");
        assertInvalid(() -> open.parseJson(null, NO_HEADER, AT), "body");

        KeitaroPostbackParser small = KeitaroPostbackParser.builder().unauthenticated().maxBodyBytes(32).maxParamLength(8).build();
        assertInvalid(() -> small.parseQuery("sub_id=s&campaign_name=" + "x".repeat(40), NO_HEADER, AT), "body");
        assertInvalid(() -> small.parseJson(("{\"sub_id\":\"" + "x".repeat(40) + "\"}").getBytes(StandardCharsets.UTF_8),
                NO_HEADER, AT), "body");
        assertInvalid(() -> small.parseQuery("sub_id=123456789", NO_HEADER, AT), "sub_id");
        assertInvalid(() -> small.parseParams(Map.of("123456789", "s"), NO_HEADER, AT), "params");
    }

    @Test
    void jsonBodiesMustBeFlatObjects() {
        assertInvalid(() -> open.parseJson("{\"sub_id\":".getBytes(StandardCharsets.UTF_8), NO_HEADER, AT), "body");
        assertInvalid(() -> open.parseJson("[{\"sub_id\":\"s\"}]".getBytes(StandardCharsets.UTF_8), NO_HEADER, AT), "body");
        assertInvalid(() -> open.parseJson("\"sub_id=s\"".getBytes(StandardCharsets.UTF_8), NO_HEADER, AT), "body");
        assertInvalid(() -> open.parseJson("{\"sub_id\":{\"id\":\"s\"}}".getBytes(StandardCharsets.UTF_8), NO_HEADER, AT), "sub_id");
        assertInvalid(() -> open.parseJson("{\"sub_id\":\"s\",\"payout\":[1]}".getBytes(StandardCharsets.UTF_8), NO_HEADER, AT), "payout");
        assertInvalid(() -> open.parseJson("{\"sub_id\":\"s\",\"status\":true}".getBytes(StandardCharsets.UTF_8), NO_HEADER, AT), "status");
        KeitaroPostback numeric = (KeitaroPostback) open.parseJson(
                "{\"sub_id\":123456789012345678901,\"payout\":45.00,\"status\":null}".getBytes(StandardCharsets.UTF_8), NO_HEADER, AT);
        assertThat(numeric.subId()).isEqualTo("123456789012345678901");
        assertThat(numeric.payout()).isEqualByComparingTo("45");
        assertThat(numeric.kind()).isEqualTo(PostbackKind.SALE);
    }

    @Test
    void nullArgumentsAreTypedErrors() {
        assertThatThrownBy(() -> open.parseParams(null, NO_HEADER, AT)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> open.parseParams(Map.of("sub_id", "s"), null, AT)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> open.parseParams(Map.of("sub_id", "s"), NO_HEADER, null)).isInstanceOf(ValidationException.class);
        Map<String, String> withNulls = new HashMap<>();
        withNulls.put("sub_id", "s");
        withNulls.put("tid", null);
        assertThat(((KeitaroPostback) open.parseParams(withNulls, NO_HEADER, AT)).transactionId()).isEmpty();
        withNulls.put(null, "x");
        assertInvalid(() -> open.parseParams(withNulls, NO_HEADER, AT), "params");
    }

    @Test
    void parsingIsPure() {
        Map<String, String> params = new HashMap<>(Map.of("secret", "CHANGE_ME", "sub_id", "s", "payout", "1"));
        Map<String, String> before = Map.copyOf(params);
        KeitaroParseResult first = parser.parseParams(params, NO_HEADER, AT);
        KeitaroParseResult second = parser.parseParams(params, NO_HEADER, AT);
        assertThat(second).isEqualTo(first);
        assertThat(params).isEqualTo(before);
    }

    @Test
    void builderRejectsInconsistentSettings() {
        assertThatThrownBy(() -> KeitaroPostbackParser.builder().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unauthenticated()");
        assertThatThrownBy(() -> KeitaroPostbackParser.builder().sharedSecret("s").unauthenticated().build())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> KeitaroPostbackParser.builder().sharedSecret(" ")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> KeitaroPostbackParser.builder().saleStatuses("ftd").rejectedStatuses("FTD"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> KeitaroPostbackParser.builder().ignoredStatuses("ping").leadStatuses("ping"))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> KeitaroPostbackParser.builder().leadStatuses("x").ignoredStatuses("x"))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> KeitaroPostbackParser.builder().saleStatuses()).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> KeitaroPostbackParser.builder().saleStatuses("ok", null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> KeitaroPostbackParser.builder().maxParamLength(0)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> KeitaroPostbackParser.builder().maxBodyBytes(0)).isInstanceOf(ConfigurationException.class);
    }
}
