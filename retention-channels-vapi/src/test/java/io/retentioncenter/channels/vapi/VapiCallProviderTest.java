package io.retentioncenter.channels.vapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retentioncenter.channels.vapi.StubVapiServer.Reply;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendOutcome;
import io.retentioncenter.core.spi.SendResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VapiCallProviderTest {
    private static final String ASSISTANT_ID = "5b0a4a08-133c-4146-9315-0984f8c6be80";
    private static final String PHONE_NUMBER_ID = "c86b5177-5cd8-447f-9013-99e307a8a7bb";
    private static final Map<String, String> FIXTURE_VARIABLES = Map.of(
            "first_name", "Maria", "offer", "spring bonus", "agent_name", "Laura");

    private StubVapiServer stub;

    @BeforeEach
    void start() throws IOException {
        stub = new StubVapiServer();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private VapiCallProvider.Builder provider() {
        return provider(fastHttp());
    }

    private VapiCallProvider.Builder provider(ProviderHttp.Builder http) {
        return VapiCallProvider.builder()
                .apiKey("sk_test_private")
                .assistantId(ASSISTANT_ID)
                .phoneNumberId(PHONE_NUMBER_ID)
                .baseUri(stub.baseUri())
                .http(http.build());
    }

    /** 2 s timeout, 2 retries with tiny backoffs. */
    private static ProviderHttp.Builder fastHttp() {
        return ProviderHttp.builder("vapi-test")
                .maxRetries(2)
                .initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(20))
                .requestTimeout(Duration.ofSeconds(2));
    }

    private static OutboundMessage message(String attemptId, String recipient, Map<String, String> variables,
            Map<String, String> settings) {
        return new OutboundMessage(attemptId, "idem-1", "lead_01JDA7Q4X2", "cmp_01JDA7P9ZZ", Channel.CALL, recipient,
                Optional.of("Maria"), Optional.of("Garcia"), Optional.empty(), "", variables, settings, Optional.empty());
    }

    private static OutboundMessage message(Map<String, String> settings) {
        return message("att_01JDA7QC22", "+14155550123", FIXTURE_VARIABLES, settings);
    }

    private static SendResult send(VapiCallProvider provider, OutboundMessage message) throws Exception {
        return provider.send(message).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private JsonNode onlyRequestBody() throws IOException {
        assertThat(stub.requests()).hasSize(1);
        return JsonPayload.mapper().readTree(stub.requests().get(0).body());
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = VapiCallProviderTest.class.getResourceAsStream("/fixtures/" + name)) {
            return JsonPayload.mapper().readTree(in);
        }
    }

    @Test
    void postsTheFixtureRequestToCallWithBearerKey() throws Exception {
        stub.then(Reply.of(201, "{\"id\":\"3f9c2e71-0b6a-4c1e-9d5f-2a8b7c6d5e4f\",\"type\":\"outboundPhoneCall\","
                + "\"status\":\"queued\"}"));

        SendResult result = send(provider().build(), message(Map.of()));

        assertThat(result).isEqualTo(SendResult.accepted("3f9c2e71-0b6a-4c1e-9d5f-2a8b7c6d5e4f"));
        StubVapiServer.Recorded request = stub.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/call");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer sk_test_private");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
        ObjectNode expected = (ObjectNode) fixture("vapi-create-call-request.json");
        ((ObjectNode) expected.get("assistantOverrides").get("metadata")).put("rc_campaign_id", "cmp_01JDA7P9ZZ");
        assertThat(onlyRequestBody()).isEqualTo(expected);
    }

    @Test
    void scriptSettingsBeatBuilderDefaults() throws Exception {
        send(provider().build(), message(Map.of(
                VapiCallProvider.SETTING_ASSISTANT_ID, "asst-from-script",
                VapiCallProvider.SETTING_PHONE_NUMBER_ID, "pn-from-script",
                VapiCallProvider.SETTING_FIRST_MESSAGE, "Hi {{first_name}}, it's Laura.")));

        JsonNode body = onlyRequestBody();
        assertThat(body.get("assistantId").asText()).isEqualTo("asst-from-script");
        assertThat(body.get("phoneNumberId").asText()).isEqualTo("pn-from-script");
        assertThat(body.at("/assistantOverrides/firstMessage").asText()).isEqualTo("Hi {{first_name}}, it's Laura.");
    }

    @Test
    void settingsAloneSufficeWithoutBuilderDefaults() throws Exception {
        VapiCallProvider provider = VapiCallProvider.builder().apiKey("k").baseUri(stub.baseUri()).build();

        SendResult result = send(provider, message(Map.of(
                VapiCallProvider.SETTING_ASSISTANT_ID, "asst-1", VapiCallProvider.SETTING_PHONE_NUMBER_ID, "pn-1")));

        assertThat(result.accepted()).isTrue();
        assertThat(onlyRequestBody().has("assistantOverrides")).isTrue();
        assertThat(onlyRequestBody().at("/assistantOverrides/firstMessage").isMissingNode()).isTrue();
    }

    @Test
    void missingAssistantIsAPermanentFailureNamingTheSetting() throws Exception {
        VapiCallProvider provider = VapiCallProvider.builder().apiKey("k").phoneNumberId("pn")
                .baseUri(stub.baseUri()).build();

        SendResult result = send(provider, message(Map.of(VapiCallProvider.SETTING_ASSISTANT_ID, "  ")));

        assertThat(result.accepted()).isFalse();
        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).get().asString().contains("vapi.assistantId");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void missingPhoneNumberIsAPermanentFailureNamingTheSetting() throws Exception {
        VapiCallProvider provider = VapiCallProvider.builder().apiKey("k").assistantId("a")
                .baseUri(stub.baseUri()).build();

        SendResult result = send(provider, message(Map.of()));

        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).get().asString().contains("vapi.phoneNumberId");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void acceptsA200AnswerToo() throws Exception {
        stub.then(Reply.of(200, "{\"id\":\"call-200\"}"));

        assertThat(send(provider().build(), message(Map.of()))).isEqualTo(SendResult.accepted("call-200"));
    }

    @Test
    void addsSnakeCaseAliasesAndOmitsUnknownCustomerName() throws Exception {
        OutboundMessage anonymous = new OutboundMessage("att_2", "idem-2", "lead_2", "cmp_2", Channel.CALL,
                "+34600111222", Optional.empty(), Optional.empty(), Optional.empty(), "",
                Map.of("firstName", "Ann", "lastName", "Lee", "last_name", "Explicit"), Map.of(), Optional.empty());

        send(provider().build(), anonymous);

        JsonNode body = onlyRequestBody();
        assertThat(body.at("/assistantOverrides/variableValues")).isEqualTo(JsonPayload.mapper().readTree(
                "{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"first_name\":\"Ann\",\"last_name\":\"Explicit\"}"));
        assertThat(body.get("customer")).isEqualTo(JsonPayload.mapper().readTree("{\"number\":\"+34600111222\"}"));
    }

    @Test
    void truncatesTheCallNameToFortyCharacters() throws Exception {
        String attemptId = "att_" + "x".repeat(60);

        send(provider().build(), message(attemptId, "+14155550123", Map.of(), Map.of()));

        JsonNode body = onlyRequestBody();
        assertThat(body.get("name").asText()).hasSize(40).isEqualTo(("rc " + attemptId).substring(0, 40));
        assertThat(body.at("/assistantOverrides/metadata/rc_attempt_id").asText()).isEqualTo(attemptId);
    }

    @Test
    void honoursRetryAfterOn429ThenSucceeds() throws Exception {
        stub.then(Reply.of(429, "{\"message\":\"Too Many Requests\"}").withHeader("Retry-After", "1"),
                Reply.of(201, "{\"id\":\"call-after-429\"}"));
        VapiCallProvider provider = provider(fastHttp().maxBackoff(Duration.ofSeconds(2))).build();

        long started = System.nanoTime();
        SendResult result = send(provider, message(Map.of()));

        assertThat(result).isEqualTo(SendResult.accepted("call-after-429"));
        assertThat(stub.requests()).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void repeated429IsRetryableWithTheAskedDelay() throws Exception {
        stub.always(Reply.of(429, "{\"message\":\"Too Many Requests\"}").withHeader("Retry-After", "7"));

        SendResult result = send(provider().build(), message(Map.of()));

        assertThat(result.accepted()).isFalse();
        assertThat(result.retryable()).isTrue();
        assertThat(result.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(result.error()).get().asString().contains("429").contains("Too Many Requests");
        // 7 s is longer than the transport's longest backoff: the engine waits it out on its own schedule
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void theBuildersClockDatesAnHttpDateRetryAfter() throws Exception {
        stub.always(Reply.of(429, "{\"message\":\"Too Many Requests\"}")
                .withHeader("Retry-After", "Tue, 24 Nov 2026 14:00:30 GMT"));

        SendResult result = send(provider(fastHttp().maxRetries(0))
                .clock(Clock.fixed(Instant.parse("2026-11-24T14:00:00Z"), ZoneOffset.UTC)).build(), message(Map.of()));

        assertThat(result.retryable()).isTrue();
        assertThat(result.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorIsAnUnknownOutcomeAndTheCallIsCreatedOnlyOnce(int status) throws Exception {
        stub.always(Reply.of(status, "{\"statusCode\":" + status + ",\"message\":\"Internal server error\"}"));

        SendResult result = send(provider().build(), message(Map.of()));

        assertThat(result).isEqualTo(SendResult.unknown("VAPI " + status + ": Internal server error"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void badRequestIsPermanentWithVapisMessageAndNotRetried() throws Exception {
        stub.always(Reply.of(400, "{\"message\":[\"customer.number must be a valid phone number in the E.164 format\","
                + "\"assistantId must be a UUID\"],\"error\":\"Bad Request\",\"statusCode\":400}"));

        SendResult result = send(provider().build(), message(Map.of()));

        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).get().asString().isEqualTo("VAPI 400: customer.number must be a valid phone number "
                + "in the E.164 format; assistantId must be a UUID");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void phoneNumbersInVapisMessageAreMasked() throws Exception {
        stub.always(Reply.of(400, "{\"message\":\"customer.number +14155550123 is not reachable\"}"));

        SendResult result = send(provider().build(), message(Map.of()));

        assertThat(result.error()).get().asString()
                .isEqualTo("VAPI 400: customer.number **********23 is not reachable");
    }

    @Test
    void unauthorizedIsPermanentAndNotRetried() throws Exception {
        stub.always(Reply.of(401, "{\"error\":\"Unauthorized\",\"statusCode\":401}"));

        SendResult result = send(provider().build(), message(Map.of()));

        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).get().asString().isEqualTo("VAPI 401: Unauthorized");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void serverThatNeverAnswersIsAnUnknownOutcomeWithOneRequest() throws Exception {
        stub.always(Reply.of(201, "{\"id\":\"too-late\"}").heldUntilClose());
        VapiCallProvider provider = provider(fastHttp().requestTimeout(Duration.ofSeconds(1)).maxRetries(2)).build();

        SendResult result = send(provider, message(Map.of()));

        assertThat(result.outcome()).isEqualTo(SendOutcome.UNKNOWN);
        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).get().asString().startsWith("VAPI: POST /call got no answer")
                .contains("HttpTimeoutException");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void unreachableServerIsARetryableRejection() throws Exception {
        URI closed = stub.baseUri();
        stub.close();

        SendResult result = send(provider(fastHttp().maxRetries(1)).baseUri(closed).build(), message(Map.of()));

        assertThat(result.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(result.retryable()).isTrue();
        assertThat(result.error()).get().asString().startsWith("VAPI: POST /call got no answer")
                .contains("ConnectException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"status\":\"queued\"}", "[{\"id\":\"x\"}]", "{\"id\":{}}", ""})
    void successWithoutAUsableCallIdIsAcceptedWithoutReference(String body) throws Exception {
        stub.always(Reply.of(201, body));

        SendResult result = send(provider().build(), message(Map.of()));

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(result.providerRef()).isEmpty();
        assertThat(result.error()).isEmpty();
        assertThat(result.details().get("note")).startsWith("VAPI answered 201 without a usable call id");
        assertThat(stub.requests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0034600111222", "+0123456789", "+1 415 555 0123", "maria@example.com"})
    void nonE164RecipientIsAPermanentFailureWithoutARequest(String recipient) throws Exception {
        SendResult result = send(provider().build(), message("att_1", recipient, Map.of(), Map.of()));

        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).get().asString().contains("E.164");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void pacesConcurrentSendsToTheConfiguredLimit() throws Exception {
        stub.always(Reply.of(201, "{\"id\":\"c\"}").delayed(Duration.ofMillis(100)));

        assertThat(maxInFlightSending(provider(fastHttp().maxConcurrent(1)).build(), 3)).isEqualTo(1);
    }

    @Test
    void defaultTransportKeepsAtMostFourRequestsInFlight() throws Exception {
        stub.always(Reply.of(201, "{\"id\":\"c\"}").delayed(Duration.ofMillis(200)));
        VapiCallProvider provider = VapiCallProvider.builder().apiKey("k").assistantId(ASSISTANT_ID)
                .phoneNumberId(PHONE_NUMBER_ID).baseUri(stub.baseUri()).build();

        assertThat(maxInFlightSending(provider, 6)).isEqualTo(4);
    }

    /** Sends {@code count} messages at once, checks each was accepted, and returns the stub's peak concurrency. */
    private int maxInFlightSending(VapiCallProvider provider, int count) throws Exception {
        List<CompletableFuture<SendResult>> sends = IntStream.range(0, count)
                .mapToObj(i -> provider.send(message(Map.of())).toCompletableFuture())
                .toList();
        for (CompletableFuture<SendResult> send : sends) {
            assertThat(send.get(10, TimeUnit.SECONDS).accepted()).isTrue();
        }
        assertThat(stub.requests()).hasSize(count);
        return stub.maxInFlight();
    }

    @Test
    void rejectsProgrammingErrorsWithTypedExceptions() {
        VapiCallProvider provider = provider().build();
        OutboundMessage sms = new OutboundMessage("att_1", "i", "lead", "cmp", Channel.SMS, "+14155550123",
                Optional.empty(), Optional.empty(), Optional.empty(), "hi", Map.of(), Map.of(), Optional.empty());
        OutboundMessage noAttempt = message(" ", "+14155550123", Map.of(), Map.of());

        assertThatThrownBy(() -> provider.send(null)).isInstanceOf(ValidationException.class).hasMessageContaining("message");
        assertThatThrownBy(() -> provider.send(sms)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("message.channel");
        assertThatThrownBy(() -> provider.send(noAttempt)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("message.attemptId");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void describesItself() {
        VapiCallProvider provider = provider().build();

        assertThat(provider.channel()).isEqualTo(Channel.CALL);
        assertThat(provider.name()).isEqualTo("vapi");
        assertThat(provider.idempotentSends()).isFalse();
    }

    @Test
    void builderRejectsIncompleteOrBadConfiguration() {
        assertThatThrownBy(() -> VapiCallProvider.builder().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> VapiCallProvider.builder().apiKey(" "))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> VapiCallProvider.builder().maxDurationSeconds(5))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxDurationSeconds");
        assertThatThrownBy(() -> VapiCallProvider.builder().baseUri(URI.create("ftp://api.vapi.ai")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("baseUri");
        assertThatThrownBy(() -> VapiCallProvider.builder().serverMessages(List.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("serverMessages");
        assertThatThrownBy(() -> VapiCallProvider.builder().http(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> VapiCallProvider.builder().clock(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("clock");
    }

    @Test
    void customDurationAndServerMessagesReachTheRequest() throws Exception {
        send(provider().maxDurationSeconds(120).serverMessages(List.of("end-of-call-report")).build(),
                message(Map.of()));

        JsonNode overrides = onlyRequestBody().get("assistantOverrides");
        assertThat(overrides.get("maxDurationSeconds").asInt()).isEqualTo(120);
        assertThat(overrides.get("serverMessages")).isEqualTo(JsonPayload.mapper().readTree("[\"end-of-call-report\"]"));
    }
}
