package io.retentioncenter.channels.instantly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.retentioncenter.channels.instantly.StubInstantly.Recorded;
import io.retentioncenter.channels.instantly.StubInstantly.Reply;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ProviderException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.http.ProviderHttp;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InstantlyWebhookSubscriberTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "test-key-ZmFrZS1rZXk";
    private static final String CAMPAIGN = "019a5f3e-7c21-7d40-9b1e-3f0c2a6d8e11";
    private static final String WEBHOOK_ID = "019a8e00-1111-7222-8333-444455556666";
    private static final URI TARGET = URI.create("https://host.example.com/api/webhooks/instantly");
    private static final String HEADER = "X-RC-Webhook-Secret";
    private static final String SECRET = "s3cr3t-0123456789abcdef";
    private static final String WEBHOOK_RESPONSE = """
            {"id":"%s","organization":"019a1c2d-3e4f-7a5b-8c6d-7e8f9a0b1c2d","campaign":"%s",
             "event_type":"all_events","target_hook_url":"%s","status":1,"timestamp_created":"2026-11-24T14:00:00.000Z"}
            """.formatted(WEBHOOK_ID, CAMPAIGN, TARGET);

    private static InstantlyWebhookSubscriber subscriber(StubInstantly stub) {
        InstantlyEmailProvider provider = InstantlyEmailProvider.builder().apiKey(KEY).campaignId(CAMPAIGN)
                .baseUri(stub.baseUri()).http(ProviderHttp.builder("instantly-test").maxRetries(1)
                        .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build())
                .build();
        return InstantlyWebhookSubscriber.of(provider, InstantlyWebhooks.builder().authHeader(HEADER, SECRET).build());
    }

    @Test
    void subscribesOneCampaignWithTheAuthHeader() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(200, WEBHOOK_RESPONSE))) {
            String id = subscriber(stub).subscribe(TARGET, CAMPAIGN);

            assertThat(id).isEqualTo(WEBHOOK_ID);
            Recorded request = stub.requests().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v2/webhooks");
            assertThat(request.headers().get("Authorization")).containsExactly("Bearer " + KEY);
            assertThat(request.headers().get("Content-Type")).containsExactly("application/json");
            assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("""
                    {"target_hook_url":"%s","event_type":"all_events","campaign":"%s","headers":{"%s":"%s"}}
                    """.formatted(TARGET, CAMPAIGN, HEADER, SECRET)));
        }
    }

    @Test
    void subscribesAllCampaignsWithoutCampaignField() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(200, WEBHOOK_RESPONSE))) {
            subscriber(stub).subscribeAllCampaigns(TARGET);

            assertThat(JSON.readTree(stub.requests().get(0).body()).has("campaign")).isFalse();
        }
    }

    @Test
    void refusalBecomesAProviderExceptionNamingStatusAndMessage() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(401,
                "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Missing scope webhooks:create\"}"))) {
            assertThatThrownBy(() -> subscriber(stub).subscribe(TARGET, CAMPAIGN))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("HTTP 401: Missing scope webhooks:create")
                    .hasMessageNotContaining(KEY);
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void answerWithoutIdIsAProviderException() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(200, "{\"status\":1}"))) {
            assertThatThrownBy(() -> subscriber(stub).subscribe(TARGET, CAMPAIGN))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("no readable id");
        }
    }

    @Test
    void rejectsBadArgumentsWithoutCallingInstantly() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(200, WEBHOOK_RESPONSE))) {
            InstantlyWebhookSubscriber subscriber = subscriber(stub);

            assertThatThrownBy(() -> subscriber.subscribe(URI.create("/relative"), CAMPAIGN))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("targetHookUrl");
            assertThatThrownBy(() -> subscriber.subscribeAllCampaigns(null))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("targetHookUrl");
            assertThatThrownBy(() -> subscriber.subscribe(TARGET, "not-a-uuid"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("campaignId");
            assertThat(stub.requests()).isEmpty();
        }
    }

    @Test
    void refusesUnauthenticatedParsers() {
        InstantlyEmailProvider provider = InstantlyEmailProvider.builder().apiKey(KEY).campaignId(CAMPAIGN).build();
        InstantlyWebhooks open = InstantlyWebhooks.builder().unauthenticated().build();

        assertThatThrownBy(() -> InstantlyWebhookSubscriber.of(provider, open))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("authHeader");
        assertThatThrownBy(() -> InstantlyWebhookSubscriber.of(null, open))
                .isInstanceOf(ValidationException.class).hasMessageContaining("provider");
    }
}
