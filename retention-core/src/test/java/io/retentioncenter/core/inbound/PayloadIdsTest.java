package io.retentioncenter.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.PayloadIds;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayloadIdsTest {

    @Test
    void anIdIsOneTrimmedLineOfAtMostTheLimit() {
        assertThat(PayloadIds.required(" api_42\t", "message_id")).isEqualTo("api_42");
        assertThat(PayloadIds.required("a\u0001b", "message_id")).isEqualTo("a b");
        assertThat(PayloadIds.optional(Optional.of("\u0001 \u2003"), "message_id")).isEmpty();
        assertThat(PayloadIds.optional(Optional.empty(), "message_id")).isEmpty();
        assertThat(PayloadIds.required("x".repeat(PayloadIds.MAX_LENGTH), "id")).hasSize(PayloadIds.MAX_LENGTH);
    }

    @Test
    void aBadIdIsRefusedNamingThePayloadField() {
        assertInvalid(() -> PayloadIds.required("api\u0000", "message_id"), "message_id", "NUL");
        assertInvalid(() -> PayloadIds.required("x".repeat(PayloadIds.MAX_LENGTH + 1), "id"), "id", "longer than 100");
        assertInvalid(() -> PayloadIds.required("\u0002", "id"), "id", "required");
        assertInvalid(() -> PayloadIds.optional(Optional.of("a".repeat(255) + "@example.com"), "lead_email", 254),
                "lead_email", "longer than 254");
    }

    @Test
    void eventIdsLeftBlankByCleaningAreAbsentAndNullKeywordsAreRefused() {
        ProviderEvent event = ProviderEvent.builder("k", Channel.SMS, "p", ProviderEventType.SENT, Instant.EPOCH)
                .providerRef("ref").recipient("\u0001\u2003").attemptId("\u007f").build();
        assertThat(event.recipient()).isEmpty();
        assertThat(event.attemptId()).isEmpty();
        assertThatThrownBy(() -> ProviderEvent.builder("\u0001", Channel.SMS, "p", ProviderEventType.SENT, Instant.EPOCH)
                .providerRef("ref").build()).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("eventKey"));
        assertThatThrownBy(() -> ProviderEvent.builder("k", Channel.SMS, "p", ProviderEventType.SENT, Instant.EPOCH)
                .keywords(Arrays.asList("a", null))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("keywords"));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
            String problem) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidPayloadException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessageContaining(problem);
    }
}
