package io.retentioncenter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceStatus;
import io.retentioncenter.core.support.TestEngine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Declaring configuration under a stable key creates it once and afterwards updates it in place. */
class DeclaredConfigurationTest {
    private final TestEngine t = TestEngine.create();

    @Test
    void aDeclaredCampaignIsUpdatedInPlaceAndKeepsTheStatusAnOperatorSet() {
        Campaign first = t.engine.campaigns().declare("spring", NewCampaign.builder("Spring").contactLimit(3).build());
        assertThat(first.id()).isEqualTo("cmp.spring");
        t.engine.campaigns().pause(first.id());

        Campaign again = t.engine.campaigns().declare("spring", NewCampaign.builder("Spring sale").contactLimit(5).build());

        assertThat(t.engine.campaigns().list()).hasSize(1);
        assertThat(again.name()).isEqualTo("Spring sale");
        assertThat(again.contactLimit()).isEqualTo(5);
        assertThat(again.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(again.createdAt()).isEqualTo(first.createdAt());
    }

    @Test
    void declaredScriptsSequencesAndTestsAreNeverDuplicated() {
        Campaign c = t.engine.campaigns().declare("c", NewCampaign.builder("C").build());
        for (int start = 0; start < 3; start++) {
            Script a = t.engine.scripts().declare("a", NewScript.builder(Channel.EMAIL, "A", "Hi v" + start)
                    .subject("S").campaign(c.id()).build());
            Script b = t.engine.scripts().declare("b", NewScript.builder(Channel.EMAIL, "B", "Hey").subject("S")
                    .campaign(c.id()).build());
            RetentionSequence s = t.engine.sequences().declare("nurture", NewSequence.builder("N").campaign(c.id())
                    .step(Channel.EMAIL, 0, DelayUnit.MINUTES).build());
            t.engine.sequences().activate(s.id());
            t.engine.experiments().declare("subject", c.id(), Channel.EMAIL,
                    List.of(new Variant("A", a.id(), 1), new Variant("B", b.id(), 1)));
        }
        assertThat(t.engine.scripts().list()).extracting(Script::id).containsExactlyInAnyOrder("scr.a", "scr.b");
        assertThat(t.engine.scripts().get("scr.a").body()).isEqualTo("Hi v2");
        assertThat(t.engine.sequences().list()).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(SequenceStatus.ACTIVE));
        assertThat(t.engine.experiments().list()).singleElement().extracting(AbTest::id).isEqualTo("abt.subject");

        // a stopped test is not started again by the next declaration
        t.engine.experiments().stop("abt.subject", Optional.of("A"));
        AbTest declared = t.engine.experiments().declare("subject", c.id(), Channel.EMAIL,
                List.of(new Variant("A", "scr.a", 1), new Variant("B", "scr.b", 1)));
        assertThat(declared.status()).isEqualTo(AbTestStatus.COMPLETED);
    }

    @Test
    void keysAreCheckedAndAScriptKeepsItsChannel() {
        assertThatThrownBy(() -> t.engine.campaigns().declare("Has Space", NewCampaign.builder("x").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> t.engine.campaigns().declare(null, NewCampaign.builder("x").build()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> t.engine.campaigns().declare("k".repeat(65), NewCampaign.builder("x").build()))
                .isInstanceOf(ValidationException.class);
        t.engine.scripts().declare("hello", NewScript.builder(Channel.SMS, "hello", "Hi").build());
        assertThatThrownBy(() -> t.engine.scripts().declare("hello", NewScript.builder(Channel.EMAIL, "hello", "Hi")
                .subject("S").build())).isInstanceOf(ValidationException.class).hasMessageContaining("SMS");
    }
}
