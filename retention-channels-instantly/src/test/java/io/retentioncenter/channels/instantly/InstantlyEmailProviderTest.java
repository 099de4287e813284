package io.retentioncenter.channels.instantly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retentioncenter.channels.instantly.StubInstantly.Recorded;
import io.retentioncenter.channels.instantly.StubInstantly.Reply;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendOutcome;
import io.retentioncenter.core.spi.SendResult;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantlyEmailProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "test-key-ZmFrZS1rZXk";
    private static final String CAMPAIGN = "019a5f3e-7c21-7d40-9b1e-3f0c2a6d8e11";
    private static final String OTHER_CAMPAIGN = "019a5f3e-0000-7d40-9b1e-3f0c2a6d8e99";
    private static final String LEAD_ID = "019a6b2c-4d5e-7f60-8a1b-2c3d4e5f6a7b";
    private static final String LEAD_RESPONSE = """
            {"id":"%s","campaign":"%s","status":1,"email":"maria.garcia@example.com",
             "first_name":"Maria","last_name":"Garcia","organization":"019a1c2d-3e4f-7a5b-8c6d-7e8f9a0b1c2d",
             "payload":{"rc_lead_id":"lead_01JDA7Q4X2","rc_attempt_id":"att_01JDA7Q9M1"},
             "email_open_count":0,"email_reply_count":0,"email_click_count":0,
             "timestamp_created":"2026-11-24T14:00:00.000Z","timestamp_updated":"2026-11-24T14:00:00.000Z"}
            """.formatted(LEAD_ID, CAMPAIGN);

    private static InstantlyEmailProvider.Builder fastProvider(StubInstantly stub) {
        return fastProvider(stub, fastHttp());
    }

    private static InstantlyEmailProvider.Builder fastProvider(StubInstantly stub, ProviderHttp.Builder http) {
        return InstantlyEmailProvider.builder()
                .apiKey(KEY)
                .campaignId(CAMPAIGN)
                .baseUri(stub.baseUri())
                .http(http.build());
    }

    /** Unpaced, 2 s timeout, 2 retries with tiny backoffs. */
    private static ProviderHttp.Builder fastHttp() {
        return ProviderHttp.builder("instantly-test")
                .requestTimeout(Duration.ofSeconds(2))
                .maxRetries(2)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(20));
    }

    private static OutboundMessage message(Map<String, String> settings) {
        return new OutboundMessage("att_01JDA7Q9M1", "enr_1:step_1:0", "lead_01JDA7Q4X2", "cmp_1", Channel.EMAIL,
                "maria.garcia@example.com", Optional.of("Maria"), Optional.of("Garcia"), Optional.of("Hola Maria"),
                "<p>Tu bono te espera</p>", Map.of("firstName", "Maria"), settings, Optional.of("B"));
    }

    private static OutboundMessage message() {
        return message(Map.of());
    }

    private static SendResult send(InstantlyEmailProvider provider, OutboundMessage message) throws Exception {
        return provider.send(message).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void postsTheDocumentedSingleLeadCreateAndReturnsTheLeadId() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(200, LEAD_RESPONSE))) {
            SendResult result = send(fastProvider(stub).build(), message());

            assertThat(result).isEqualTo(SendResult.accepted(LEAD_ID));
            assertThat(stub.requests()).hasSize(1);
            Recorded request = stub.requests().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v2/leads");
            assertThat(request.headers().get("Authorization")).containsExactly("Bearer " + KEY);
            assertThat(request.headers().get("Content-Type")).containsExactly("application/json");
            assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("""
                    {"campaign":"%s","email":"maria.garcia@example.com","first_name":"Maria","last_name":"Garcia",
                     "skip_if_in_campaign":true,
                     "custom_variables":{"rc_lead_id":"lead_01JDA7Q4X2","rc_attempt_id":"att_01JDA7Q9M1",
                       "rc_subject":"Hola Maria","rc_body":"<p>Tu bono te espera</p>","ab_variant":"B"}}
                    """.formatted(CAMPAIGN)));
        }
    }

    @Test
    void bodyAgreesWithTheFixtureOnEveryFieldBothCarry() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/instantly-add-lead-request.json")) {
            fixture = JSON.readTree(in);
        }
        try (StubInstantly stub = new StubInstantly(Reply.json(200, LEAD_RESPONSE))) {
            send(fastProvider(stub).build(), message());
            JsonNode sent = JSON.readTree(stub.requests().get(0).body());

            assertThat(sent.has("campaign_id")).as("S1: single-lead create takes campaign").isFalse();
            assertSubsetOf(sent, fixture, Set.of("rc_subject", "rc_body"));
        }
    }

    private static void assertSubsetOf(JsonNode sent, JsonNode fixture, Set<String> ownFields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (ownFields.contains(field.getKey())) {
                continue;
            }
            assertThat(fixture.has(field.getKey())).as("fixture has %s", field.getKey()).isTrue();
            if (field.getValue().isObject()) {
                assertSubsetOf(field.getValue(), fixture.get(field.getKey()), ownFields);
            } else {
                assertThat(field.getValue()).as(field.getKey()).isEqualTo(fixture.get(field.getKey()));
            }
        }
    }

    @Test
    void omitsAbsentNamesSubjectAndVariant() throws Exception {
        OutboundMessage bare = new OutboundMessage("att_2", "k", "lead_2", "cmp_1", Channel.EMAIL, "a@example.com",
                Optional.empty(), Optional.empty(), Optional.empty(), "body", Map.of(), Map.of(), Optional.empty());
        try (StubInstantly stub = new StubInstantly(Reply.json(200, LEAD_RESPONSE))) {
            send(fastProvider(stub).skipIfInCampaign(false).build(), bare);

            assertThat(JSON.readTree(stub.requests().get(0).body())).isEqualTo(JSON.readTree("""
                    {"campaign":"%s","email":"a@example.com","skip_if_in_campaign":false,
                     "custom_variables":{"rc_lead_id":"lead_2","rc_attempt_id":"att_2","rc_body":"body"}}
                    """.formatted(CAMPAIGN)));
        }
    }

    @Test
    void messageSettingOverridesTheCampaign() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(200, LEAD_RESPONSE))) {
            send(fastProvider(stub).build(), message(Map.of(InstantlyEmailProvider.CAMPAIGN_SETTING, OTHER_CAMPAIGN)));

            assertThat(JSON.readTree(stub.requests().get(0).body()).get("campaign").asText()).isEqualTo(OTHER_CAMPAIGN);
        }
    }

    @Test
    void malformedCampaignSettingFailsPermanentlyWithoutCallingInstantly() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(200, LEAD_RESPONSE))) {
            SendResult result = send(fastProvider(stub).build(),
                    message(Map.of(InstantlyEmailProvider.CAMPAIGN_SETTING, "spring-campaign")));

            assertThat(result.accepted()).isFalse();
            assertThat(result.retryable()).isFalse();
            assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("instantly.campaignId"));
            assertThat(stub.requests()).isEmpty();
        }
    }

    @Test
    void retriesA429HonouringRetryAfterThenAccepts() throws Exception {
        try (StubInstantly stub = new StubInstantly(
                Reply.json(429, "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"Rate limit\"}",
                        Map.of("Retry-After", "1")),
                Reply.json(200, LEAD_RESPONSE))) {
            SendResult result = send(fastProvider(stub, fastHttp().maxBackoff(Duration.ofSeconds(2))).build(), message());

            assertThat(result).isEqualTo(SendResult.accepted(LEAD_ID));
            assertThat(stub.requests()).hasSize(2);
        }
    }

    @Test
    void persistent429IsRetryableWithTheProvidersRetryAfter() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(429,
                "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"Rate limit exceeded\"}",
                Map.of("Retry-After", "7")))) {
            SendResult result = send(fastProvider(stub, fastHttp().maxRetries(1)).build(), message());

            assertThat(result.accepted()).isFalse();
            assertThat(result.retryable()).isTrue();
            assertThat(result.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(result.error()).contains("Instantly HTTP 429: Rate limit exceeded");
            // 7 s is longer than the transport's longest backoff: the engine waits it out on its own schedule
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void theBuildersClockDatesAnHttpDateRetryAfter() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(429,
                "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"Rate limit exceeded\"}",
                Map.of("Retry-After", "Tue, 24 Nov 2026 14:00:30 GMT")))) {
            SendResult result = send(fastProvider(stub, fastHttp().maxRetries(0))
                    .clock(Clock.fixed(Instant.parse("2026-11-24T14:00:00Z"), ZoneOffset.UTC)).build(), message());

            assertThat(result.retryable()).isTrue();
            assertThat(result.retryAfter()).contains(Duration.ofSeconds(30));
        }
    }

    @Test
    void repeated500IsRetriedWithTheSameBodyThenUnknownWhenSkipIfInCampaignDedupes() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(500,
                "{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":\"Something went wrong\"}"))) {
            SendResult result = send(fastProvider(stub).build(), message());

            assertThat(result).isEqualTo(SendResult.unknown("Instantly HTTP 500: Something went wrong"));
            assertThat(stub.requests()).hasSize(3);
            assertThat(stub.requests()).extracting(Recorded::body).containsOnly(stub.requests().get(0).body());
            assertThat(JSON.readTree(stub.requests().get(0).body()).get("skip_if_in_campaign").asBoolean()).isTrue();
        }
    }

    @Test
    void a500WithoutSkipIfInCampaignIsUnknownAndSentOnce() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(500,
                "{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":\"Something went wrong\"}"),
                Reply.json(200, LEAD_RESPONSE))) {
            SendResult result = send(fastProvider(stub).skipIfInCampaign(false).build(), message());

            assertThat(result).isEqualTo(SendResult.unknown("Instantly HTTP 500: Something went wrong"));
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 402, 403, 404, 422})
    void clientErrorsArePermanentAndNotRetried(int status) throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(status,
                "{\"statusCode\":" + status + ",\"error\":\"Err\",\"message\":\"Refused because " + status + "\"}"))) {
            SendResult result = send(fastProvider(stub).build(), message());

            assertThat(result.accepted()).isFalse();
            assertThat(result.retryable()).isFalse();
            assertThat(result.error()).contains("Instantly HTTP " + status + ": Refused because " + status);
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void paymentRequiredWithoutJsonStillNamesTheStatus() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(402, "Payment Required"))) {
            SendResult result = send(fastProvider(stub).build(), message());

            assertThat(result).isEqualTo(SendResult.permanentFailure("Instantly HTTP 402"));
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void validationMessageArraysAreJoined() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(400,
                "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":[\"body/email must match format\","
                        + "\"body must NOT have additional properties\"]}"))) {
            SendResult result = send(fastProvider(stub).build(), message());

            assertThat(result.error()).contains(
                    "Instantly HTTP 400: body/email must match format; body must NOT have additional properties");
        }
    }

    @Test
    void serverThatNeverAnswersIsRetriedWithTheSameBodyThenUnknownWhenSkipIfInCampaignDedupes() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.never())) {
            SendResult result = send(fastProvider(stub,
                    fastHttp().requestTimeout(Duration.ofSeconds(1)).maxRetries(1)).build(), message());

            assertThat(result.outcome()).isEqualTo(SendOutcome.UNKNOWN);
            assertThat(result.retryable()).isFalse();
            assertThat(result.error()).hasValueSatisfying(e -> assertThat(e)
                    .isEqualTo("Instantly: POST /api/v2/leads got no answer: HttpTimeoutException"));
            assertThat(stub.requests()).hasSize(2);
            assertThat(stub.requests()).extracting(Recorded::body).containsOnly(stub.requests().get(0).body());
        }
    }

    @Test
    void serverThatNeverAnswersWithoutSkipIfInCampaignIsUnknownAfterOneRequest() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.never())) {
            SendResult result = send(fastProvider(stub,
                    fastHttp().requestTimeout(Duration.ofSeconds(1)).maxRetries(2)).skipIfInCampaign(false).build(),
                    message());

            assertThat(result.outcome()).isEqualTo(SendOutcome.UNKNOWN);
            assertThat(result.error()).hasValueSatisfying(e -> assertThat(e)
                    .isEqualTo("Instantly: POST /api/v2/leads got no answer: HttpTimeoutException"));
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void refusedConnectionIsARetryableRejection(boolean skipIfInCampaign) throws Exception {
        URI deadBase;
        try (StubInstantly stub = new StubInstantly()) {
            deadBase = stub.baseUri();
        }
        InstantlyEmailProvider provider = InstantlyEmailProvider.builder().apiKey(KEY).campaignId(CAMPAIGN)
                .baseUri(deadBase).skipIfInCampaign(skipIfInCampaign).http(fastHttp().maxRetries(1).build()).build();

        SendResult result = send(provider, message());

        assertThat(result.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(result.retryable()).isTrue();
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e)
                .isEqualTo("Instantly: POST /api/v2/leads got no answer: ConnectException"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":", "not json", "[]", "{\"email\":\"maria.garcia@example.com\"}", "{\"id\":\"  \"}",
            "{\"id\":{\"x\":1}}", ""})
    void successWithoutReadableLeadIdIsAcceptedWithoutReference(String body) throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(200, body))) {
            SendResult result = send(fastProvider(stub).build(), message());

            assertThat(result).isEqualTo(SendResult.acceptedWithoutReference(
                    "Instantly HTTP 200 without a readable lead id"));
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void errorsNeverContainTheApiKey() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(401,
                "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Invalid API key\"}"))) {
            SendResult result = send(fastProvider(stub).build(), message());

            assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).doesNotContain(KEY));
        }
    }

    @Test
    void describesItself() {
        InstantlyEmailProvider provider = InstantlyEmailProvider.builder().apiKey(KEY).campaignId(CAMPAIGN).build();
        InstantlyEmailProvider noSkip = InstantlyEmailProvider.builder().apiKey(KEY).campaignId(CAMPAIGN)
                .skipIfInCampaign(false).build();

        assertThat(provider.channel()).isEqualTo(Channel.EMAIL);
        assertThat(provider.name()).isEqualTo("instantly");
        assertThat(provider.idempotentSends()).isTrue();
        assertThat(noSkip.idempotentSends()).isFalse();
    }

    @Test
    void rejectsBadMessages() {
        InstantlyEmailProvider provider = InstantlyEmailProvider.builder().apiKey(KEY).campaignId(CAMPAIGN).build();
        OutboundMessage sms = new OutboundMessage("att_1", "k", "lead_1", "cmp_1", Channel.SMS, "+14155550123",
                Optional.empty(), Optional.empty(), Optional.empty(), "hi", Map.of(), Map.of(), Optional.empty());
        OutboundMessage noRecipient = new OutboundMessage("att_1", "k", "lead_1", "cmp_1", Channel.EMAIL, " ",
                Optional.empty(), Optional.empty(), Optional.empty(), "hi", Map.of(), Map.of(), Optional.empty());
        OutboundMessage nullSubject = new OutboundMessage("att_1", "k", "lead_1", "cmp_1", Channel.EMAIL,
                "a@example.com", Optional.empty(), Optional.empty(), null, "hi", Map.of(), Map.of(), Optional.empty());

        assertThatThrownBy(() -> provider.send(null)).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("message");
        assertThatThrownBy(() -> provider.send(sms)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("message.channel");
        assertThatThrownBy(() -> provider.send(noRecipient)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("message.recipient");
        assertThatThrownBy(() -> provider.send(nullSubject)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("message.subject");
    }

    @Test
    void rejectsIncompleteConfiguration() {
        assertThatThrownBy(() -> InstantlyEmailProvider.builder().campaignId(CAMPAIGN).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> InstantlyEmailProvider.builder().apiKey("  ").campaignId(CAMPAIGN).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> InstantlyEmailProvider.builder().apiKey(KEY).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("campaignId");
        assertThatThrownBy(() -> InstantlyEmailProvider.builder().apiKey(KEY).campaignId("my campaign").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("uuid");
        for (String bad : new String[] {"api.instantly.ai", "ftp://api.instantly.ai", "http:/no-host",
                "https://api.instantly.ai?key=1", "https://api.instantly.ai#top"}) {
            assertThatThrownBy(() -> InstantlyEmailProvider.builder().apiKey(KEY).campaignId(CAMPAIGN)
                    .baseUri(URI.create(bad)).build())
                    .as(bad).isInstanceOf(ConfigurationException.class).hasMessageContaining("baseUri");
        }
        assertThatThrownBy(() -> InstantlyEmailProvider.builder().apiKey(KEY).campaignId(CAMPAIGN).baseUri(null).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("baseUri");
        assertThatThrownBy(() -> InstantlyEmailProvider.builder().http(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> InstantlyEmailProvider.builder().clock(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("clock");
    }

    @Test
    void defaultTransportPacesAtTenRequestsPerSecond() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(200, LEAD_RESPONSE))) {
            InstantlyEmailProvider provider = InstantlyEmailProvider.builder().apiKey(KEY).campaignId(CAMPAIGN)
                    .baseUri(stub.baseUri()).build();

            long started = System.nanoTime();
            List<CompletableFuture<SendResult>> sends = IntStream.range(0, 4)
                    .mapToObj(i -> provider.send(message()).toCompletableFuture())
                    .toList();
            for (CompletableFuture<SendResult> send : sends) {
                assertThat(send.get(10, TimeUnit.SECONDS)).isEqualTo(SendResult.accepted(LEAD_ID));
            }

            assertThat(stub.requests()).hasSize(4);
            // request starts are spaced 100 ms apart: 0, 100, 200, 300 ms
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        }
    }

    @Test
    void baseUriWithPathPrefixAndTrailingSlashIsKept() throws Exception {
        try (StubInstantly stub = new StubInstantly(Reply.json(200, LEAD_RESPONSE))) {
            send(fastProvider(stub).baseUri(stub.baseUri().resolve("/proxy/")).build(), message());

            assertThat(stub.requests().get(0).path()).isEqualTo("/proxy/api/v2/leads");
        }
    }
}
