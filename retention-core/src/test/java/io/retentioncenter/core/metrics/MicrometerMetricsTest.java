package io.retentioncenter.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.spi.SendResult;
import io.retentioncenter.core.support.TestEngine;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MicrometerMetricsTest {

    @Test
    void theMetersCountSendsByOutcomeTicksAndTheEnginesState() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerMetrics metrics = MicrometerMetrics.on(registry);
        TestEngine t = TestEngine.create(b -> b.listener(metrics)).withDefaultScripts();
        metrics.bindGauges(t.engine, Duration.ofMillis(1));
        t.email.respondWith(m -> switch (m.recipient()) {
            case "a@example.com" -> SendResult.accepted("ok");
            case "b@example.com" -> SendResult.unknown("read timeout");
            default -> SendResult.retryableFailure("429", Optional.of(Duration.ofMinutes(5)));
        });
        Campaign c = t.engine.campaigns().create(NewCampaign.builder("c").autoAssign(AutoAssignRule.everything())
                .build());
        t.engine.sequences().activate(t.engine.sequences().create(NewSequence.builder("s").campaign(c.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.EMAIL, 2, DelayUnit.DAYS).build()).id());
        for (String email : new String[] {"a@example.com", "b@example.com", "c@example.com"}) {
            t.engine.leads().ingest(NewLead.builder(LeadSource.API).email(email).build());
        }

        t.engine.tick();
        t.engine.tick();

        assertThat(count(registry, "sent")).isEqualTo(1);
        assertThat(count(registry, "unknown")).isEqualTo(1);
        assertThat(count(registry, "retry")).isEqualTo(1);
        assertThat(registry.get("retention.attempts.unknown").counter().count()).isEqualTo(1);
        assertThat(registry.get("retention.tick.duration").timer().count()).isEqualTo(2);
        assertThat(registry.get("retention.tick.claimed").summary().totalAmount()).isEqualTo(3);
        assertThat(registry.get("retention.leads.created").counter().count()).isEqualTo(3);
        assertThat(registry.get("retention.dispatch.latency").tag("channel", "email").timer().count()).isEqualTo(3);
        assertThat(registry.get("retention.enrollments.active").gauge().value()).isEqualTo(3);
        assertThat(registry.get("retention.backlog").gauge().value()).isEqualTo(1);
        assertThat(registry.get("retention.attempts.unknown.open").gauge().value()).isEqualTo(1);
        assertThat(registry.get("retention.enrollments.set_aside").gauge().value()).isZero();
    }

    @Test
    void aRegistryIsRequired() {
        assertThatThrownBy(() -> MicrometerMetrics.on(null)).isInstanceOf(ConfigurationException.class);
        MicrometerMetrics metrics = MicrometerMetrics.on(new SimpleMeterRegistry());
        assertThatThrownBy(() -> metrics.bindGauges(null)).isInstanceOf(ConfigurationException.class);
    }

    private static double count(SimpleMeterRegistry registry, String outcome) {
        return registry.get("retention.sends").tags("channel", "email", "outcome", outcome).counter().count();
    }
}
