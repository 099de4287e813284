package io.retentioncenter.learning.phrase;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.contact.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Synthetic messages from a vocabulary in which only the word "bonus" lifts conversion (8 % → 14 %):
 * the analysis must find it, and Benjamini–Hochberg must flag fewer of the many null phrases than an
 * uncorrected p < 0.05 would.
 */
class PhraseSimulationTest {
    private static final String TRUE_WORD = "bonus";
    private static final int MESSAGES = 5000;

    private static List<MessageFact> simulate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] vocabulary = new String[40];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = "w" + i;
        }
        List<MessageFact> facts = new ArrayList<>(MESSAGES);
        for (int m = 0; m < MESSAGES; m++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 12; w++) {
                words.add(vocabulary[random.nextInt(vocabulary.length)]);
            }
            boolean hasTrueWord = random.nextDouble() < 0.3;
            if (hasTrueWord) {
                words.add(random.nextInt(words.size() + 1), TRUE_WORD);
            }
            int half = words.size() / 2;
            String text = String.join(" ", words.subList(0, half)) + ". " + String.join(" ", words.subList(half, words.size()));
            boolean converted = random.nextDouble() < (hasTrueWord ? 0.14 : 0.08);
            facts.add(new MessageFact(Channel.SMS, text, converted));
        }
        return facts;
    }

    private static boolean isTrue(PhraseStat stat) {
        return Arrays.asList(stat.phrase().split(" ")).contains(TRUE_WORD);
    }

    @Test
    void findsTheTruePhraseAndBenjaminiHochbergCutsFalseDiscoveries() {
        PhraseReport report = PhraseAnalyzer.builder().minSupport(30).build().analyze(simulate(42));

        PhraseStat truePhrase = report.phrases().stream()
                .filter(p -> p.phrase().equals(TRUE_WORD) && p.position() == PhrasePosition.ANYWHERE)
                .findFirst().orElseThrow();
        long falseAfterBh = report.phrases().stream().filter(p -> !isTrue(p) && p.qValue() < 0.05).count();
        long falseUncorrected = report.phrases().stream().filter(p -> !isTrue(p) && p.pValue() < 0.05).count();

        assertThat(report.phrases().size()).isGreaterThan(300);
        assertThat(truePhrase.qValue()).isLessThan(0.05);
        assertThat(truePhrase.lift()).isPresent();
        assertThat(truePhrase.lift().getAsDouble()).isGreaterThan(1.3);
        assertThat(falseAfterBh).isLessThan(falseUncorrected);
        assertThat(falseAfterBh).isLessThanOrEqualTo(2);
        assertThat(report.discoveries(0.05)).contains(truePhrase);
    }
}
