package io.retentioncenter.core.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.EngineListener;
import io.retentioncenter.core.support.FaultyStore;
import io.retentioncenter.core.support.TestEngine;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One enrollment whose step keeps failing in the store never stops the others. */
class PoisonIsolationTest {

    private final AtomicReference<String> poisonLead = new AtomicReference<>();
    private final AtomicBoolean transientOutage = new AtomicBoolean();
    private final List<String> setAside = new CopyOnWriteArrayList<>();

    private TestEngine engine() {
        EngineListener listener = new EngineListener() {
            @Override
            public void enrollmentSetAside(SequenceEnrollment enrollment, String error) {
                setAside.add(enrollment.leadId() + " " + error);
            }
        };
        TestEngine t = TestEngine.on(FaultyStore.wrap(new InMemoryRetentionStore(), (method, args) -> {
            if (!method.getName().equals("findLeads")) {
                return null;
            }
            if (transientOutage.get()) {
                return new StoreException("connection reset", null, true);
            }
            boolean poisoned = ((Collection<?>) args[0]).contains(poisonLead.get());
            return poisoned ? new StoreException("corrupt column status (SQLState 22P02)") : null;
        }), b -> b.listener(listener)).withDefaultScripts();
        Campaign c = t.engine.campaigns().create(NewCampaign.builder("all").autoAssign(AutoAssignRule.everything())
                .contactLimit(6).build());
        RetentionSequence s = t.engine.sequences().create(NewSequence.builder("welcome").campaign(c.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.EMAIL, 1, DelayUnit.DAYS).build());
        t.engine.sequences().activate(s.id());
        return t;
    }

    private static String ingest(TestEngine t, int i) {
        return t.engine.leads().ingest(NewLead.builder(LeadSource.API).email("l" + i + "@example.com").build())
                .lead().id();
    }

    @Test
    void onePoisonEnrollmentAmongAThousandIsSetAsideAndTheOthersAreContactedOnTime() {
        TestEngine t = engine();
        for (int i = 0; i < 1000; i++) {
            String lead = ingest(t, i);
            if (i == 637) {
                poisonLead.set(lead);
            }
        }

        TickResult tick = t.engine.tick();

        assertThat(t.email.count()).isEqualTo(999);
        assertThat(t.email.sendsPerAttempt().values()).allMatch(n -> n == 1);
        assertThat(tick.setAside()).isEqualTo(1);
        assertThat(setAside).singleElement().asString().startsWith(poisonLead.get()).contains("22P02");
        var listed = t.engine.sequences().setAside(PageRequest.first(10));
        assertThat(listed.total()).isEqualTo(1);
        SetAsideEnrollment poison = listed.items().get(0);
        assertThat(poison.enrollment().leadId()).isEqualTo(poisonLead.get());
        assertThat(poison.enrollment().status()).isEqualTo(EnrollmentStatus.SET_ASIDE);
        assertThat(poison.error()).contains("StoreException").contains("corrupt column status");
        assertThat(t.engine.stats().setAsideEnrollments()).isEqualTo(1);

        // It stays aside: later ticks leave it alone and the others go on with their second step.
        t.clock.advance(Duration.ofDays(1));
        t.engine.tick();
        assertThat(t.email.count()).isEqualTo(999 * 2);
        assertThat(setAside).hasSize(1);

        // Resumed while the fault persists, it is set aside again; once fixed, it is contacted.
        t.engine.sequences().resume(poison.enrollment().id());
        t.engine.tick();
        assertThat(setAside).hasSize(2);
        poisonLead.set("none");
        t.engine.sequences().resume(poison.enrollment().id());
        t.engine.tick();
        assertThat(t.email.count()).isEqualTo(999 * 2 + 1);
        assertThat(t.engine.stats().setAsideEnrollments()).isZero();
    }

    @Test
    void aTransientFaultFailsTheTickAndSetsNothingAside() {
        TestEngine t = engine();
        ingest(t, 1);
        transientOutage.set(true);
        assertThatThrownBy(t.engine::tick).isInstanceOf(StoreException.class);
        assertThat(setAside).isEmpty();
        transientOutage.set(false);
        t.clock.advance(Duration.ofMinutes(3)); // the claim's lease expires
        t.engine.tick();
        assertThat(t.email.count()).isEqualTo(1);
    }

    @Test
    void aStepDelayBeyondTenYearsIsRefused() {
        TestEngine t = TestEngine.create();
        Campaign c = t.engine.campaigns().create(NewCampaign.builder("c").build());
        assertThatThrownBy(() -> NewSequence.builder("far").campaign(c.id())
                .step(Channel.EMAIL, Integer.MAX_VALUE, DelayUnit.DAYS).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("ten years");
        assertThatThrownBy(() -> NewSequence.builder("far").campaign(c.id())
                .step(Channel.EMAIL, 3_654, DelayUnit.DAYS).build()).isInstanceOf(ValidationException.class);
        assertThat(NewSequence.builder("ten").campaign(c.id()).step(Channel.EMAIL, 3_653, DelayUnit.DAYS).build())
                .isNotNull();
    }
}
