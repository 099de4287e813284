package io.retentioncenter.learning.phrase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.learning.stats.Proportion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseTallyTest {
    private static final PhraseAnalyzer ANALYZER = PhraseAnalyzer.builder().minSupport(2).build();

    @Test
    void aBatchOfIdenticalMessagesCountsLikeTheMessagesOneByOne() {
        PhraseTally batched = ANALYZER.newTally();
        batched.add("Free gift today", 5, 3);
        batched.add("Hello friend", 4, 1);
        batched.add("Hello friend", 0, 0);
        List<MessageFact> facts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            facts.add(new MessageFact(Channel.SMS, "Free gift today", i < 3));
        }
        for (int i = 0; i < 4; i++) {
            facts.add(new MessageFact(Channel.SMS, "Hello friend", i < 1));
        }

        PhraseReport fromBatches = batched.report();

        assertThat(fromBatches).isEqualTo(ANALYZER.analyze(facts));
        assertThat(fromBatches.messages()).isEqualTo(new Proportion(4, 9));
    }

    @Test
    void rejectsImpossibleCounts() {
        PhraseTally tally = ANALYZER.newTally();
        assertThatThrownBy(() -> tally.add("x", 2, 3))
                .isInstanceOf(ValidationException.class).hasMessageContaining("converted");
        assertThatThrownBy(() -> tally.add("x", -1, 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("converted");
        assertThatThrownBy(() -> tally.add(null, true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("text");
    }
}
