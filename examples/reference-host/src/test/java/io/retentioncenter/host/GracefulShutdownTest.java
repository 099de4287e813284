package io.retentioncenter.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.spi.SendResult;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import io.retentioncenter.host.config.HostChannels;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Closing the application while a send is in flight waits for it: the tick loop stops first and
 * lets the running tick finish, so the outcome is recorded before the connection pool closes.
 */
class GracefulShutdownTest {
    private static final CountDownLatch SENDING = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** EMAIL through a provider that holds its send until the test releases it. */
    @Configuration(proxyBeanMethods = false)
    static class SlowEmail {
        @Bean
        @Primary
        HostChannels slowChannels() {
            RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL).respondWith(message -> {
                SENDING.countDown();
                try {
                    RELEASE.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return SendResult.accepted("slow-" + message.attemptId());
            });
            return new HostChannels(Map.of(Channel.EMAIL, email, Channel.SMS, RecordingChannelProvider.of(Channel.SMS),
                    Channel.CALL, RecordingChannelProvider.of(Channel.CALL)));
        }
    }

    @Test
    void closingWaitsForTheSendInFlightBeforeTheDatabaseCloses() throws Exception {
        String url = "jdbc:h2:mem:shutdown_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ReferenceHostApplication.class, SlowEmail.class)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--retention.api-key=test-api-key-0123456789",
                        "--retention.tick-delay=1s", "--retention.shutdown-timeout=60s");
        RetentionEngine engine = context.getBean(RetentionEngine.class);
        Campaign campaign = engine.campaigns().create(NewCampaign.builder("Shutdown").build());
        engine.scripts().create(NewScript.builder(Channel.EMAIL, "hello", "Hello").subject("Hi").campaign(campaign.id()).build());
        engine.sequences().activate(engine.sequences().create(NewSequence.builder("One email").campaign(campaign.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).build()).id());
        engine.leads().ingest(NewLead.of(LeadSource.API, "late@example.com", "+14155550142"));
        assertThat(SENDING.await(60, TimeUnit.SECONDS)).as("the tick loop dispatched the email").isTrue();

        Thread closing = new Thread(context::close, "closing");
        closing.start();
        closing.join(1_000);
        assertThat(closing.isAlive()).as("close waits for the send in flight").isTrue();
        RELEASE.countDown();
        closing.join(60_000);
        assertThat(closing.isAlive()).isFalse();

        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, provider_ref FROM rc_attempt")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("SENT");
            assertThat(rs.getString(2)).startsWith("slow-");
            assertThat(rs.next()).isFalse();
        }
    }
}
