package io.retentioncenter.learning.phrase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.TestMethod;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PhraseAnalyzerTest {
    private static final List<MessageFact> FACTS = List.of(
            new MessageFact(Channel.SMS, "Free gift today. Reply now", true),
            new MessageFact(Channel.SMS, "Free gift free gift", true),
            new MessageFact(Channel.SMS, "Hello there. Reply now", false),
            new MessageFact(Channel.SMS, "Hello friend", false));
    private static final PhraseAnalyzer ANALYZER = PhraseAnalyzer.builder().minSupport(2).lengthBucketStarts(0, 3, 5).build();

    private static PhraseStat find(PhraseReport report, String phrase, PhrasePosition position) {
        return report.phrases().stream()
                .filter(p -> p.phrase().equals(phrase) && p.position() == position)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no stat for " + phrase + " " + position));
    }

    @Test
    void buildsTheTwoByTwoTableCountingEachMessageOnce() {
        PhraseReport report = ANALYZER.analyze(FACTS);
        PhraseStat free = find(report, "free", PhrasePosition.ANYWHERE);

        assertThat(report.messages()).isEqualTo(new Proportion(2, 4));
        assertThat(free.with()).isEqualTo(new Proportion(2, 2));
        assertThat(free.without()).isEqualTo(new Proportion(0, 2));
        assertThat(free.rateWith()).isEqualTo(1.0);
        assertThat(free.rateWithout()).isEqualTo(0.0);
        assertThat(free.lift()).isEmpty();
        assertThat(free.method()).isEqualTo(TestMethod.FISHER_EXACT);
        assertThat(free.pValue()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(free.words()).isEqualTo(1);
        assertThat(find(report, "free gift", PhrasePosition.ANYWHERE).words()).isEqualTo(2);
    }

    @Test
    void computesLiftAndQValuesOverAllTestedPhrases() {
        PhraseReport report = ANALYZER.analyze(FACTS);
        PhraseStat reply = find(report, "reply", PhrasePosition.ANYWHERE);

        assertThat(reply.lift()).hasValue(1.0);
        assertThat(reply.pValue()).isEqualTo(1.0);
        assertThat(report.phrases()).allSatisfy(p -> assertThat(p.qValue()).isBetween(p.pValue(), 1.0));
        assertThat(report.discoveries(0.05)).isEmpty();
    }

    @Test
    void testsOnlyPhrasesWithEnoughSupportAndSomeMessagesWithout() {
        PhraseReport report = ANALYZER.analyze(FACTS);
        PhraseReport everywhere = ANALYZER.analyze(List.of(
                new MessageFact(Channel.SMS, "offer a", true), new MessageFact(Channel.SMS, "offer b", false),
                new MessageFact(Channel.SMS, "offer a", false)));

        assertThat(report.phrases()).noneMatch(p -> p.phrase().equals("gift free"));
        assertThat(report.phrases()).noneMatch(p -> p.phrase().equals("today"));
        assertThat(report.phrases()).allSatisfy(p -> assertThat(p.with().trials()).isGreaterThanOrEqualTo(2));
        assertThat(everywhere.phrases()).noneMatch(p -> p.phrase().equals("offer"));
        assertThat(everywhere.phrases()).anyMatch(p -> p.phrase().equals("offer a"));
    }

    @Test
    void looksForPhrasesInTheOpeningAndClosingWindows() {
        PhraseReport report = ANALYZER.analyze(FACTS);

        assertThat(find(report, "free gift", PhrasePosition.OPENING).with()).isEqualTo(new Proportion(2, 2));
        assertThat(find(report, "reply now", PhrasePosition.CLOSING).with()).isEqualTo(new Proportion(1, 2));
        assertThat(find(report, "hello", PhrasePosition.OPENING).with()).isEqualTo(new Proportion(0, 2));
        assertThat(report.phrases()).noneMatch(p -> p.phrase().equals("reply") && p.position() == PhrasePosition.OPENING);
    }

    @Test
    void positionWindowsAreCutToTheConfiguredNumberOfTokens() {
        String longSentence = "one two three four five six seven eight nine ten eleven twelve";
        List<MessageFact> facts = List.of(new MessageFact(Channel.EMAIL, longSentence, true),
                new MessageFact(Channel.EMAIL, longSentence, false), new MessageFact(Channel.EMAIL, "other", false));
        PhraseReport report = PhraseAnalyzer.builder().minSupport(2).maxWords(1).build().analyze(facts);

        assertThat(report.phrases()).anyMatch(p -> p.phrase().equals("eight") && p.position() == PhrasePosition.OPENING);
        assertThat(report.phrases()).noneMatch(p -> p.phrase().equals("nine") && p.position() == PhrasePosition.OPENING);
        assertThat(report.phrases()).anyMatch(p -> p.phrase().equals("five") && p.position() == PhrasePosition.CLOSING);
        assertThat(report.phrases()).noneMatch(p -> p.phrase().equals("four") && p.position() == PhrasePosition.CLOSING);
        assertThat(report.phrases()).noneMatch(p -> p.words() > 1);
    }

    @Test
    void ranksByTheWilsonLowerBound() {
        List<PhraseStat> phrases = ANALYZER.analyze(FACTS).phrases();

        for (int i = 1; i < phrases.size(); i++) {
            assertThat(phrases.get(i).withInterval().lower()).isLessThanOrEqualTo(phrases.get(i - 1).withInterval().lower());
        }
        assertThat(phrases.get(0).rateWith()).isEqualTo(1.0);
        assertThat(phrases.get(phrases.size() - 1).rateWith()).isEqualTo(0.0);
    }

    @Test
    void reportsConversionByMessageLength() {
        List<LengthBucketStat> buckets = ANALYZER.analyze(FACTS).lengthBuckets();

        assertThat(buckets).extracting(LengthBucketStat::minTokens).containsExactly(0, 3, 5);
        assertThat(buckets).extracting(LengthBucketStat::maxTokens)
                .containsExactly(OptionalInt.of(2), OptionalInt.of(4), OptionalInt.empty());
        assertThat(buckets).extracting(LengthBucketStat::messages)
                .containsExactly(new Proportion(0, 1), new Proportion(1, 2), new Proportion(1, 1));
        assertThat(buckets.get(1).rate()).isEqualTo(0.5);
    }

    @Test
    void emptyInputGivesAnEmptyReport() {
        PhraseReport report = ANALYZER.analyze(List.of());

        assertThat(report.messages()).isEqualTo(new Proportion(0, 0));
        assertThat(report.phrases()).isEmpty();
        assertThat(report.lengthBuckets()).allSatisfy(b -> {
            assertThat(b.rate()).isEqualTo(0.0);
            assertThat(b.interval().lower()).isEqualTo(0.0);
            assertThat(b.interval().upper()).isEqualTo(1.0);
        });
    }

    @Test
    void analysesEachChannelSeparately() {
        List<MessageFact> facts = List.of(new MessageFact(Channel.EMAIL, "hello", true),
                new MessageFact(Channel.SMS, "hi", false), new MessageFact(Channel.SMS, "hi there", true));

        Map<Channel, PhraseReport> reports = ANALYZER.analyzeByChannel(facts);

        assertThat(reports).containsOnlyKeys(Channel.EMAIL, Channel.SMS);
        assertThat(reports.get(Channel.EMAIL).messages()).isEqualTo(new Proportion(1, 1));
        assertThat(reports.get(Channel.SMS).messages()).isEqualTo(new Proportion(1, 2));
    }

    @Test
    void rejectsBadInputAndSettings() {
        assertThatThrownBy(() -> ANALYZER.analyze(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("facts");
        assertThatThrownBy(() -> ANALYZER.analyze(Arrays.asList(FACTS.get(0), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("facts[1]");
        assertThatThrownBy(() -> new MessageFact(Channel.SMS, null, true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> new MessageFact(null, "hi", true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("channel");
        assertThatThrownBy(() -> PhraseAnalyzer.builder().minSupport(0).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("minSupport");
        assertThatThrownBy(() -> PhraseAnalyzer.builder().maxWords(4).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxWords");
        assertThatThrownBy(() -> PhraseAnalyzer.builder().positionWindow(0).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("positionWindow");
        assertThatThrownBy(() -> PhraseAnalyzer.builder().confidence(1).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("confidence");
        assertThatThrownBy(() -> PhraseAnalyzer.builder().lengthBucketStarts(5, 10).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("lengthBucketStarts");
        assertThatThrownBy(() -> PhraseAnalyzer.builder().lengthBucketStarts(0, 10, 10).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("strictly increasing");
    }
}
