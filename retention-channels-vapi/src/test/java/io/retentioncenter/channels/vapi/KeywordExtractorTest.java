package io.retentioncenter.channels.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.internal.JsonPayload;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {
    private final KeywordExtractor extractor = new KeywordExtractor(VapiServerMessages.DEFAULT_KEYWORDS);

    @Test
    void longerPhrasesHideThePhrasesInsideThem() {
        assertThat(extractor.keywords(Optional.empty(), List.of("i'm not interested, stop calling")))
                .containsExactlyInAnyOrder("not interested", "stop calling");
        assertThat(extractor.keywords(Optional.empty(), List.of("not interested now", "but i am interested later")))
                .containsExactlyInAnyOrder("not interested", "interested");
    }

    @Test
    void matchesWholeWordsOnlyAndDeduplicates() {
        assertThat(extractor.keywords(Optional.empty(), List.of("our business prices are fine", "price? price!")))
                .containsExactly("price");
    }

    @Test
    void takesShortWordValuesAndTrueFlagsFromStructuredData() throws Exception {
        var data = JsonPayload.mapper().readTree("{\"outcome\":\"Callback\",\"sentiment\":\"very positive\","
                + "\"callback_requested_at\":\"2026-11-25T18:00:00\",\"notes\":\"" + "long note ".repeat(10) + "\","
                + "\"interested\":true,\"wants_email\":false,\"score\":8,\"nested\":{\"x\":\"y\"},\"blank\":\" \"}");

        assertThat(extractor.keywords(Optional.of(data), List.of("what's the price?")))
                .containsExactly("callback", "very positive", "interested", "price");
    }

    @Test
    void nothingSaidAndNoDataMeansNoKeywords() {
        assertThat(extractor.keywords(Optional.empty(), List.of())).isEmpty();
    }
}
