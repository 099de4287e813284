package io.retentioncenter.channels.sms.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.channels.sms.TestMessages;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmppReceiptTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-24T15:20:00Z");

    @Test
    void parsesTheFixtureReceipts() {
        List<SmppReceipt> receipts = fixtureReceipts();
        assertThat(receipts).extracting(SmppReceipt::stat).containsExactly("DELIVRD", "EXPIRED", "UNDELIV");

        SmppReceipt delivered = receipts.get(0);
        assertThat(delivered.id()).isEqualTo("0a1b2c3d4e");
        assertThat(delivered.submitted()).contains(1);
        assertThat(delivered.delivered()).contains(1);
        assertThat(delivered.submitDate()).contains(LocalDateTime.of(2026, 11, 24, 15, 10));
        assertThat(delivered.doneDate()).contains(LocalDateTime.of(2026, 11, 24, 15, 10));
        assertThat(delivered.error()).contains("000");
        assertThat(delivered.text()).contains("Maria, your spring");
        assertThat(receipts.get(1).doneDate()).contains(LocalDateTime.of(2026, 11, 25, 15, 10));
        assertThat(receipts.get(2).error()).contains("001");
    }

    @Test
    void fixtureReceiptsBecomeEvents() {
        List<SmppReceipt> receipts = fixtureReceipts();
        ZoneId zone = ZoneOffset.ofHours(2);

        ProviderEvent delivered = receipts.get(0).toReport("kannel", Optional.of("14155550123"), zone, RECEIVED)
                .toEvents().get(0);
        assertThat(delivered.type()).isEqualTo(ProviderEventType.SUCCEEDED);
        assertThat(delivered.provider()).isEqualTo("kannel");
        assertThat(delivered.providerRef()).contains("0a1b2c3d4e");
        assertThat(delivered.recipient()).contains("+14155550123");
        assertThat(delivered.eventKey()).isEqualTo("kannel:0a1b2c3d4e:DELIVRD");
        assertThat(delivered.occurredAt()).isEqualTo(Instant.parse("2026-11-24T13:10:00Z"));
        assertThat(delivered.detail()).contains("DELIVRD (code 000)");

        assertThat(receipts.get(1).toReport("kannel", Optional.empty(), zone, RECEIVED).toEvents())
                .singleElement().satisfies(e -> {
                    assertThat(e.type()).isEqualTo(ProviderEventType.FAILED);
                    assertThat(e.recipient()).isEmpty();
                });
        assertThat(receipts.get(2).toReport("kannel", Optional.empty(), zone, RECEIVED).toEvents())
                .extracting(ProviderEvent::type).containsExactly(ProviderEventType.FAILED);
    }

    @Test
    void acceptsSecondsInDatesUpperCaseKeysAndNoText() {
        SmppReceipt r = SmppReceipt.parse("ID:77 SUB:001 DLVRD:001 SUBMIT DATE:261124151002 DONE DATE:261124151059 STAT:DELIVERED ERR:000");
        assertThat(r.id()).isEqualTo("77");
        assertThat(r.doneDate()).contains(LocalDateTime.of(2026, 11, 24, 15, 10, 59));
        assertThat(r.text()).isEmpty();
        assertThat(r.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aMinimalReceiptIsDatedWhenReceived() {
        SmppReceipt r = SmppReceipt.parse("id:abc stat:ENROUTE");
        assertThat(r.submitted()).isEmpty();
        assertThat(r.doneDate()).isEmpty();
        List<ProviderEvent> events = r.toReport("gw", Optional.empty(), ZoneOffset.UTC, RECEIVED).toEvents();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ProviderEventType.SENT);
            assertThat(e.occurredAt()).isEqualTo(RECEIVED);
        });
    }

    @Test
    void textMayContainKeyLikeWords() {
        SmppReceipt r = SmppReceipt.parse("id:1 stat:DELIVRD err:000 text:stat:UNDELIV id:2");
        assertThat(r.id()).isEqualTo("1");
        assertThat(r.stat()).isEqualTo("DELIVRD");
        assertThat(r.text()).contains("stat:UNDELIV id:2");
    }

    @Test
    void unknownStatProducesNoEvent() {
        SmppReceipt r = SmppReceipt.parse("id:1 sub:001 dlvrd:000 stat:UNKNOWN err:000");
        assertThat(r.toReport("gw", Optional.empty(), ZoneOffset.UTC, RECEIVED).toEvents()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sub:001 stat:DELIVRD|id",
        "id: stat:DELIVRD|id",
        "id:1 sub:001|stat",
        "id:1 stat:BOUNCED|stat",
        "id:1 sub:one stat:DELIVRD|sub",
        "id:1 dlvrd:12345 stat:DELIVRD|dlvrd",
        "id:1 done date:26112415 stat:DELIVRD|done date",
        "id:1 submit date:2613241510 stat:DELIVRD|submit date",
        "id:1 stat:DELIVRD stat:UNDELIV|stat",
        "hello world|id"})
    void malformedReceiptsNameTheField(String receipt, String field) {
        assertThatThrownBy(() -> SmppReceipt.parse(receipt))
                .isInstanceOf(InvalidPayloadException.class)
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyReceiptsAreRejected(String receipt) {
        assertThatThrownBy(() -> SmppReceipt.parse(receipt)).isInstanceOf(InvalidPayloadException.class)
                .hasMessageStartingWith("receipt:");
        assertThatThrownBy(() -> SmppReceipt.parse(null)).isInstanceOf(InvalidPayloadException.class);
    }

    @Test
    void oversizedReceiptsAreRejected() {
        String receipt = "id:1 stat:DELIVRD text:" + "x".repeat(SmppReceipt.MAX_LENGTH);
        assertThatThrownBy(() -> SmppReceipt.parse(receipt)).isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining("over " + SmppReceipt.MAX_LENGTH);
    }

    private static List<SmppReceipt> fixtureReceipts() {
        String samples = new String(TestMessages.fixture("sms-dlr-samples.txt"), StandardCharsets.UTF_8);
        return samples.lines().filter(l -> l.startsWith("id:")).map(SmppReceipt::parse).toList();
    }
}
