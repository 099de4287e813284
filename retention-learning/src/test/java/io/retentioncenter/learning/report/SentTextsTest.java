package io.retentioncenter.learning.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.learning.phrase.MessageFact;
import io.retentioncenter.learning.phrase.PhraseAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SentTextsTest {
    private static final PhraseAnalyzer ANALYZER = PhraseAnalyzer.builder().minSupport(5).build();

    @Test
    void tokenizesEachDistinctTextOnceAndReadsTheSubjectAsASentence() {
        SentTexts texts = new SentTexts(ANALYZER);
        List<MessageFact> facts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean converted = i % 3 == 0;
            String body = i % 2 == 0 ? "Free trial today" : "Monthly news";
            texts.add(Channel.EMAIL, Optional.of("Hello"), body, converted);
            facts.add(new MessageFact(Channel.EMAIL, "Hello\n" + body, converted));
        }
        texts.add(Channel.SMS, Optional.empty(), "Reply YES", true);

        List<ChannelPhrases> reports = texts.reports();

        assertThat(texts.tokenized()).isEqualTo(3);
        assertThat(reports).extracting(ChannelPhrases::channel).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(reports.get(0).phrases()).isEqualTo(ANALYZER.analyze(facts));
    }

    @Test
    void foldsTheDistinctTextsWhenThereAreTooManyWithoutChangingTheCounts() {
        SentTexts texts = new SentTexts(ANALYZER);
        List<MessageFact> facts = new ArrayList<>();
        int count = SentTexts.FLUSH_THRESHOLD + 10;
        for (int i = 0; i < count; i++) {
            String body = "Offer " + i + (i % 2 == 0 ? " free trial" : " monthly news");
            texts.add(Channel.SMS, Optional.empty(), body, i % 4 == 0);
            texts.add(Channel.SMS, Optional.empty(), body, false);
            facts.add(new MessageFact(Channel.SMS, body, i % 4 == 0));
            facts.add(new MessageFact(Channel.SMS, body, false));
        }

        List<ChannelPhrases> reports = texts.reports();

        assertThat(texts.tokenized()).isEqualTo(count);
        assertThat(reports.get(0).phrases()).isEqualTo(ANALYZER.analyze(facts));
    }
}
