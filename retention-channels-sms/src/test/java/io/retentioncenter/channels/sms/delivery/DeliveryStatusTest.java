package io.retentioncenter.channels.sms.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.inbound.ProviderEventType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryStatusTest {

    @ParameterizedTest
    @CsvSource({
        "delivered,DELIVERED,SUCCEEDED", "DELIVRD,DELIVERED,SUCCEEDED", "DELIVERED,DELIVERED,SUCCEEDED", "Delivrd,DELIVERED,SUCCEEDED",
        "failed,FAILED,FAILED", "UNDELIV,FAILED,FAILED", "EXPIRED,FAILED,FAILED", "REJECTD,FAILED,FAILED",
        "DELETED,FAILED,FAILED", "IM_EXPD,FAILED,FAILED", "undeliv,FAILED,FAILED",
        "ACCEPTD,IN_PROGRESS,SENT", "ENROUTE,IN_PROGRESS,SENT", "pending,IN_PROGRESS,SENT", "sent,IN_PROGRESS,SENT",
        "accepted,IN_PROGRESS,SENT", "' sent ',IN_PROGRESS,SENT"})
    void mapsEveryKnownStatus(String raw, DeliveryStatus status, ProviderEventType event) {
        assertThat(DeliveryStatus.parse(raw, "status")).isEqualTo(status);
        assertThat(status.eventType()).contains(event);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNKNOWN", "unknown"})
    void unknownProducesNoEvent(String raw) {
        assertThat(DeliveryStatus.parse(raw, "status")).isEqualTo(DeliveryStatus.UNKNOWN);
        assertThat(DeliveryStatus.UNKNOWN.eventType()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bounced", "DELIVERD", "read", "1", "in_progress"})
    void anyOtherStatusIsRejectedNamingTheField(String raw) {
        assertThatThrownBy(() -> DeliveryStatus.parse(raw, "status"))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining("status")
                .hasMessageContaining(raw)
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo("status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aMissingStatusIsRejected(String raw) {
        assertThatThrownBy(() -> DeliveryStatus.parse(raw, "stat"))
                .isInstanceOf(InvalidPayloadException.class).hasMessageStartingWith("stat:");
        assertThatThrownBy(() -> DeliveryStatus.parse(null, "stat")).isInstanceOf(InvalidPayloadException.class);
    }
}
