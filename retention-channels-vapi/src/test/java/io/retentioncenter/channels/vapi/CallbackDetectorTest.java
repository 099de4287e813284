package io.retentioncenter.channels.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.channels.vapi.CallbackDetector.CallbackRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackDetectorTest {
    private static final Instant MONDAY_1502 = Instant.parse("2025-11-24T15:02:20Z");

    private final CallbackDetector detector = new CallbackDetector(new CallbackTimeParser(ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"can you call me back?", "call back later", "a callback would be great", "call-back please",
        "call me later", "it's not a good time", "call me tomorrow", "could you call us back", "call me again next week"})
    void recognizesCallbackRequests(String said) {
        assertThat(detector.detect(List.of("hello", said), MONDAY_1502)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no need to call back", "i'll call you back", "don't call me back", "do not call me later",
        "hello, who is this?", "i called back yesterday", "yes, now is a good time"})
    void ignoresWhatIsNotARequest(String said) {
        assertThat(detector.detect(List.of(said), MONDAY_1502)).isEmpty();
    }

    @Test
    void readsTheTimeFromTheRequestOrALaterAnswer() {
        assertThat(detector.detect(List.of("not a good time", "tomorrow at 5 pm"), MONDAY_1502))
                .contains(new CallbackRequest(Optional.of(Instant.parse("2025-11-25T17:00:00Z"))));
        assertThat(detector.detect(List.of("call me back tomorrow evening?", "yes, six is fine. thanks."), MONDAY_1502))
                .contains(new CallbackRequest(Optional.of(Instant.parse("2025-11-25T18:00:00Z"))));
    }

    @Test
    void ignoresTimesSaidBeforeTheRequest() {
        assertThat(detector.detect(List.of("i get home at 6 pm", "anyway, call me back"), MONDAY_1502))
                .contains(new CallbackRequest(Optional.empty()));
    }
}
