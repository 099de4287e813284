package io.retentioncenter.learning.phrase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTokenizerTest {

    @Test
    void lowerCasesStripsPlaceholdersAndSplitsSentences() {
        assertThat(MessageTokenizer.sentences("Hi {{firstName}}, your FREE gift is waiting! Call now."))
                .containsExactly(List.of("hi", "your", "free", "gift", "is", "waiting"), List.of("call", "now"));
        assertThat(MessageTokenizer.tokens("Hey {{ firstName | there }}! Offer ends {{date}}"))
                .containsExactly("hey", "offer", "ends");
    }

    @Test
    void keepsUnicodeLettersDigitsAndInnerApostrophes() {
        assertThat(MessageTokenizer.sentences("Привет! Ñandú café 2024 don’t miss it... Jetzt\nkaufen"))
                .containsExactly(List.of("привет"), List.of("ñandú", "café", "2024", "don't", "miss", "it"),
                        List.of("jetzt"), List.of("kaufen"));
        assertThat(MessageTokenizer.tokens("cafe\u0301 50%off")).containsExactly("cafe\u0301", "50", "off");
    }

    @Test
    void removesHtmlMarkupAndBreaksSentencesAtBlockTags() {
        assertThat(MessageTokenizer.sentences("<p>Hi {{firstName}},</p><p>Your <b>free</b>&nbsp;trial<br/>Claim it</p>"))
                .containsExactly(List.of("hi"), List.of("your", "free", "trial"), List.of("claim", "it"));
        assertThat(MessageTokenizer.tokens("Tom & Jerry: 3 < 4")).containsExactly("tom", "jerry", "3", "4");
    }

    @Test
    void emptyOrPunctuationOnlyTextHasNoTokens() {
        assertThat(MessageTokenizer.sentences("")).isEmpty();
        assertThat(MessageTokenizer.sentences(" ... !!! {{firstName}} ")).isEmpty();
    }

    @Test
    void rejectsNullText() {
        assertThatThrownBy(() -> MessageTokenizer.sentences(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("text");
    }
}
