package io.retentioncenter.channels.sms.twentythree;

import static io.retentioncenter.channels.sms.GatewayHarness.fastHttp;
import static io.retentioncenter.channels.sms.GatewayHarness.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.channels.sms.GatewayHarness;
import io.retentioncenter.channels.sms.StubGateway.Recorded;
import io.retentioncenter.channels.sms.StubGateway.Reply;
import io.retentioncenter.channels.sms.StubGateway;
import io.retentioncenter.channels.sms.TestMessages;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.spi.SendOutcome;
import io.retentioncenter.core.spi.SendResult;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TwentyThreeTelecomSmsProviderTest {
    static final String MESSAGE_ID = "api_42_1763996000123456789_a3f8b2c1d9e45f67";
    static final String ACCEPTED = """
            {"status":true,
             "messages":[{"dnis":"+14155550123","message_id":"%1$s","segment_num":1}],
             "results":[{"dnis":"+14155550123","message_id":"%1$s","segments":1,"status":"accepted"}],
             "summary":{"total_recipients":1,"total_segments":1,"total_cost":0.0085,"encoding":"GSM-7",
                        "accepted_count":1,"blocked_count":0,"queue_error_count":0,"config_error_count":0}}
            """.formatted(MESSAGE_ID);

    @RegisterExtension
    final GatewayHarness gateway = new GatewayHarness();

    @Test
    void postsTheDocumentedRequestAndReturnsTheMessageId() throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, ACCEPTED));

        SendResult result = send(provider(fastHttp(2)), TestMessages.FIXTURE_TEXT);

        assertThat(result.accepted()).isTrue();
        assertThat(result.providerRef()).contains(MESSAGE_ID);
        assertThat(result.details()).containsEntry("encoding", "GSM-7").containsEntry("segments", "1")
                .containsEntry("characters", "79");
        assertThat(stub.requests()).hasSize(1);
        Recorded request = stub.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/sms/send");
        assertThat(request.header("X-API-Key")).isEqualTo("key-123");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode expected = JsonPayload.mapper().readTree(TestMessages.fixture("sms-23telecom-send-request.json"));
        assertThat(JsonPayload.mapper().readTree(request.body())).isEqualTo(expected);
    }

    @Test
    void unicodeTextIsReportedAsUcs2() throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, ACCEPTED));

        SendResult result = send(provider(fastHttp(0)), "Привет, Мария! 🎁");

        assertThat(result.details()).containsEntry("encoding", "UCS-2").containsEntry("segments", "1");
        assertThat(JsonPayload.mapper().readTree(stub.requests().get(0).body()).get("message").asText())
                .isEqualTo("Привет, Мария! 🎁");
    }

    @Test
    void retriesA429AfterRetryAfterThenSucceeds() throws Exception {
        StubGateway stub = gateway.start(
                Reply.json(429, "{\"status\":false,\"error_code\":\"RATE_LIMITED\"}").withHeader("Retry-After", "1"),
                Reply.json(200, ACCEPTED));

        SendResult result = send(provider(fastHttp(2)), "Hello");

        assertThat(result.accepted()).isTrue();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void exhausted429IsRetryableWithTheProvidersRetryAfter() throws Exception {
        gateway.start(
                Reply.json(429, "{\"status\":false,\"error_code\":\"RATE_LIMITED\"}").withHeader("Retry-After", "7"));

        SendResult result = send(provider(fastHttp(0)), "Hello");

        assertThat(result.accepted()).isFalse();
        assertThat(result.retryable()).isTrue();
        assertThat(result.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("429", "RATE_LIMITED"));
    }

    @Test
    void theBuildersClockDatesAnHttpDateRetryAfter() throws Exception {
        gateway.start(Reply.json(429, "{\"status\":false,\"error_code\":\"RATE_LIMITED\"}")
                .withHeader("Retry-After", "Tue, 24 Nov 2026 14:00:30 GMT"));
        TwentyThreeTelecomSmsProvider provider = TwentyThreeTelecomSmsProvider.builder().apiKey("key-123")
                .senderId("ExampleCo").baseUri(gateway.stub().baseUri()).http(fastHttp(0))
                .clock(Clock.fixed(Instant.parse("2026-11-24T14:00:00Z"), ZoneOffset.UTC)).build();

        SendResult result = send(provider, "Hello");

        assertThat(result.retryable()).isTrue();
        assertThat(result.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void a500DbErrorIsARetryableRejectionLeftToTheEngine() throws Exception {
        StubGateway stub = gateway.start(Reply.json(500,
                "{\"status\":false,\"error_code\":\"DB_ERROR\",\"description\":\"batch not queued\"}"),
                Reply.json(200, ACCEPTED));

        SendResult result = send(provider(fastHttp(2)), "Hello");

        assertThat(result).isEqualTo(SendResult.retryableFailure("23telecom: HTTP 500 DB_ERROR: batch not queued",
                java.util.Optional.empty()));
        assertThat(stub.requests()).as("the transport never repeats a 5xx of a non-idempotent send").hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "500|{\"status\":false,\"error_code\":\"INTERNAL_ERROR\"}|23telecom: HTTP 500 INTERNAL_ERROR",
            "500|not json|23telecom: HTTP 500",
            "502|{\"status\":false,\"error_code\":\"DB_ERROR\"}|23telecom: HTTP 502 DB_ERROR",
            "503|{}|23telecom: HTTP 503"})
    void anyOtherServerErrorIsAnUnknownOutcomeAndSentOnce(int status, String body, String error) throws Exception {
        StubGateway stub = gateway.start(Reply.json(status, body), Reply.json(200, ACCEPTED));

        SendResult result = send(provider(fastHttp(2)), "Hello");

        assertThat(result).isEqualTo(SendResult.unknown(error));
        assertThat(stub.requests()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"400,VALIDATION_ERROR", "401,INVALID_API_KEY", "402,INSUFFICIENT_BALANCE", "403,NO_SMS_ACCESS"})
    void clientErrorsArePermanentAndNotRetried(int status, String code) throws Exception {
        StubGateway stub = gateway.start(Reply.json(status,
                "{\"status\":false,\"error_code\":\"" + code + "\",\"description\":\"rejected for +14155550123\"}"));

        SendResult result = send(provider(fastHttp(3)), "Hello");

        assertThat(result.accepted()).isFalse();
        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e)
                .contains("HTTP " + status + " " + code).contains("*********23").doesNotContain("4155550123"));
        assertThat(stub.requests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocked", "queue_error", "config_error"})
    void aRecipientTheGatewayDidNotAcceptIsAPermanentFailureNamingTheStatus(String status) throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, ACCEPTED.replace("\"status\":\"accepted\"", "\"status\":\"" + status + "\"")));

        SendResult result = send(provider(fastHttp(2)), "Hello");

        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("results[0].status " + status));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void statusFalseInA200IsPermanent() throws Exception {
        gateway.start(Reply.json(200, "{\"status\":false,\"error_code\":\"SENDER_NOT_ALLOWED\"}"));

        SendResult result = send(provider(fastHttp(0)), "Hello");

        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("SENDER_NOT_ALLOWED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "", "[]", "{\"status\":\"yes\"}", "{\"status\":true}",
            "{\"status\":true,\"results\":[]}", "{\"status\":true,\"results\":[{\"status\":\"accepted\"}]}",
            "{\"status\":true,\"results\":[{\"status\":\"accepted\",\"message_id\":{}}]}"})
    void anUnreadable200IsAcceptedWithoutReference(String body) throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, body));

        SendResult result = send(provider(fastHttp(2)), "Hello");

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(result.providerRef()).isEmpty();
        assertThat(result.error()).isEmpty();
        assertThat(result.details().get("note")).startsWith("23telecom: HTTP 200 with an unreadable body");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aGatewayThatNeverAnswersIsAnUnknownOutcomeAfterOneRequest() throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, ACCEPTED).heldUntilClose());
        ProviderHttp http = ProviderHttp.builder("23telecom-test").requestTimeout(Duration.ofSeconds(1))
                .maxRetries(2).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build();

        SendResult result = send(provider(http), "Hello");

        assertThat(result).isEqualTo(SendResult.unknown(
                "23telecom: POST /api/v1/sms/send got no answer: HttpTimeoutException"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void anUnreachableGatewayIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TwentyThreeTelecomSmsProvider provider = TwentyThreeTelecomSmsProvider.builder().apiKey("key-123")
                .senderId("ExampleCo").baseUri(URI.create("http://127.0.0.1:" + closedPort + "/api/v1"))
                .http(fastHttp(1)).build();

        SendResult result = provider.send(TestMessages.sms("+14155550123", "Hello")).toCompletableFuture().get();

        assertThat(result).isEqualTo(SendResult.retryableFailure(
                "23telecom: POST /api/v1/sms/send got no answer: ConnectException", java.util.Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-phone", "+0123", ""})
    void aRecipientThatIsNotAPhoneFailsPermanentlyWithoutARequest(String recipient) throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, ACCEPTED));

        SendResult result = provider(fastHttp(0)).send(TestMessages.sms(recipient, "Hello")).toCompletableFuture().get();

        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("recipient"));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aBlankBodyFailsPermanentlyWithoutARequest() throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, ACCEPTED));

        SendResult result = send(provider(fastHttp(0)), "  ");

        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("body"));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void describesItself() {
        TwentyThreeTelecomSmsProvider provider = TwentyThreeTelecomSmsProvider.builder().apiKey("k").senderId("ExampleCo").build();
        assertThat(provider.channel()).isEqualTo(Channel.SMS);
        assertThat(provider.name()).isEqualTo("23telecom");
        assertThat(provider.idempotentSends()).isFalse();
        assertThatThrownBy(() -> provider.send(null)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ExampleCo", "Abc", "A1234567890", "+14155550123", "447911123456"})
    void acceptsDocumentedSenderIds(String senderId) {
        assertThat(TwentyThreeTelecomSmsProvider.builder().apiKey("k").senderId(senderId).build().name())
                .isEqualTo("23telecom");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ab", "1Example", "ExampleCo123", "Example Co", "Exämple", "+12"})
    void rejectsInvalidSenderIds(String senderId) {
        assertThatThrownBy(() -> TwentyThreeTelecomSmsProvider.builder().apiKey("k").senderId(senderId).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("senderId");
    }

    @Test
    void rejectsIncompleteConfiguration() {
        assertThatThrownBy(() -> TwentyThreeTelecomSmsProvider.builder().senderId("ExampleCo").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> TwentyThreeTelecomSmsProvider.builder().apiKey("k").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("senderId");
        assertThatThrownBy(() -> TwentyThreeTelecomSmsProvider.builder().apiKey("k").senderId("ExampleCo")
                .baseUri(URI.create("/relative")).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("baseUri");
        assertThatThrownBy(() -> TwentyThreeTelecomSmsProvider.builder().http(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> TwentyThreeTelecomSmsProvider.builder().clock(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("clock");
    }


    private TwentyThreeTelecomSmsProvider provider(ProviderHttp http) {
        return TwentyThreeTelecomSmsProvider.builder().apiKey("key-123").senderId("ExampleCo")
                .baseUri(gateway.stub().baseUri().resolve("/api/v1")).http(http).build();
    }

}
