package io.retentioncenter.channels.sms.retail;

import static io.retentioncenter.channels.sms.GatewayHarness.fastHttp;
import static io.retentioncenter.channels.sms.GatewayHarness.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.channels.sms.GatewayHarness;
import io.retentioncenter.channels.sms.StubGateway.Recorded;
import io.retentioncenter.channels.sms.StubGateway.Reply;
import io.retentioncenter.channels.sms.StubGateway;
import io.retentioncenter.channels.sms.TestMessages;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.spi.SendOutcome;
import io.retentioncenter.core.spi.SendResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsRetailProviderTest {
    static final String ACCEPTED = "{\"success\":true,\"messages\":[{\"id\":12345,\"phone\":\"14155550123\"}]}";

    @RegisterExtension
    final GatewayHarness gateway = new GatewayHarness();

    @Test
    void postsTheSeedContractAndReturnsTheMessageId() throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, ACCEPTED));

        SendResult result = send(SmsRetailProvider.builder().apiKey("retail-key").baseUri(gateway.stub().baseUri())
                .http(fastHttp(2)).build(), "Hi Maria, 20% off today €5");

        assertThat(result.accepted()).isTrue();
        assertThat(result.providerRef()).contains("12345");
        assertThat(result.details()).containsEntry("encoding", "GSM-7").containsEntry("units", "27");
        Recorded request = stub.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/ext/api/v1/messages/send");
        assertThat(request.header("X-API-Key")).isEqualTo("retail-key");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(JsonPayload.mapper().readTree(request.body())).isEqualTo(JsonPayload.mapper().readTree(
                "{\"messages\":[{\"phone\":\"14155550123\",\"text\":\"Hi Maria, 20% off today €5\",\"type\":\"sms\"}]}"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void headerPathAndTypeAreConfigurable() throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, "{\"success\":true,\"messages\":[{\"id\":\"m-9\",\"phone\":\"447911123456\"}]}"));
        SmsRetailProvider provider = SmsRetailProvider.builder().apiKey("retail-key").apiKeyHeader("Authorization-Key")
                .baseUri(gateway.stub().baseUri().resolve("/gateway/")).path("/v2/send").type("whatsapp").http(fastHttp(0)).build();

        SendResult result = provider.send(TestMessages.sms("+447911123456", "Hello")).toCompletableFuture().get();

        assertThat(result.providerRef()).contains("m-9");
        Recorded request = stub.requests().get(0);
        assertThat(request.path()).isEqualTo("/gateway/v2/send");
        assertThat(request.header("Authorization-Key")).isEqualTo("retail-key");
        assertThat(request.header("X-API-Key")).isNull();
        assertThat(JsonPayload.mapper().readTree(request.body()).at("/messages/0/type").asText()).isEqualTo("whatsapp");
        assertThat(JsonPayload.mapper().readTree(request.body()).at("/messages/0/phone").asText()).isEqualTo("447911123456");
    }

    @Test
    void retriesA429ThenSucceeds() throws Exception {
        StubGateway stub = gateway.start(Reply.json(429, "{\"success\":false}").withHeader("Retry-After", "1"),
                Reply.json(200, ACCEPTED));

        SendResult result = send(provider(fastHttp(2)), "Hello");

        assertThat(result.accepted()).isTrue();
        assertThat(stub.requests()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void aServerErrorIsAnUnknownOutcomeAndSentOnce(int status) throws Exception {
        StubGateway stub = gateway.start(Reply.json(status, "{\"success\":false,\"error\":\"internal\"}"),
                Reply.json(200, ACCEPTED));

        SendResult result = send(provider(fastHttp(2)), "Hello");

        assertThat(result).isEqualTo(SendResult.unknown("sms-retail: HTTP " + status + " internal"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void a500DbErrorIsNotSpecialForSmsRetail() throws Exception {
        StubGateway stub = gateway.start(Reply.json(500, "{\"success\":false,\"error_code\":\"DB_ERROR\"}"));

        SendResult result = send(provider(fastHttp(2)), "Hello");

        assertThat(result).isEqualTo(SendResult.unknown("sms-retail: HTTP 500 DB_ERROR"));
        assertThat(stub.requests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 402, 404, 422})
    void clientErrorsArePermanentAndSentOnce(int status) throws Exception {
        StubGateway stub = gateway.start(Reply.json(status, "{\"success\":false,\"message\":\"no\"}"));

        SendResult result = send(provider(fastHttp(3)), "Hello");

        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("HTTP " + status + ": no"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void successFalseIsPermanent() throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, "{\"success\":false,\"error\":\"invalid phone 14155550123\"}"));

        SendResult result = send(provider(fastHttp(2)), "Hello");

        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).contains("sms-retail: success false: invalid phone *********23");
        assertThat(stub.requests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>oops</html>", "{\"success\":1}", "{\"success\":true}", "{\"success\":true,\"messages\":[]}",
            "{\"success\":true,\"messages\":[{\"phone\":\"14155550123\"}]}", "{\"success\":true,\"messages\":[\"x\"]}"})
    void anUnreadable200IsAcceptedWithoutReference(String body) throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, body));

        SendResult result = send(provider(fastHttp(2)), "Hello");

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(result.providerRef()).isEmpty();
        assertThat(result.error()).isEmpty();
        assertThat(result.details().get("note")).startsWith("sms-retail: HTTP 200 with an unreadable body");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aGatewayThatNeverAnswersIsAnUnknownOutcomeAfterOneRequest() throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, ACCEPTED).heldUntilClose());
        ProviderHttp http = ProviderHttp.builder("retail-test").requestTimeout(Duration.ofSeconds(1)).maxRetries(2)
                .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build();

        SendResult result = send(provider(http), "Hello");

        assertThat(result).isEqualTo(SendResult.unknown(
                "sms-retail: POST /ext/api/v1/messages/send got no answer: HttpTimeoutException"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void anUnreachableGatewayIsARetryableRejection() throws Exception {
        java.net.URI closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = java.net.URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        SmsRetailProvider provider = SmsRetailProvider.builder().apiKey("retail-key").baseUri(closed)
                .http(fastHttp(1)).build();

        SendResult result = send(provider, "Hello");

        assertThat(result).isEqualTo(SendResult.retryableFailure(
                "sms-retail: POST /ext/api/v1/messages/send got no answer: ConnectException", java.util.Optional.empty()));
    }

    @Test
    void describesItselfAndValidatesConfiguration() {
        SmsRetailProvider provider = SmsRetailProvider.builder().apiKey("k").build();
        assertThat(provider.name()).isEqualTo("sms-retail");
        assertThat(provider.channel()).isEqualTo(Channel.SMS);
        assertThat(provider.idempotentSends()).isFalse();
        assertThatThrownBy(() -> SmsRetailProvider.builder().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> SmsRetailProvider.builder().apiKey("k").type(" ").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> SmsRetailProvider.builder().apiKey("k").path("no-slash").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("path");
        assertThatThrownBy(() -> SmsRetailProvider.builder().apiKey("k").path("/send?x=1").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("path");
        assertThatThrownBy(() -> SmsRetailProvider.builder().apiKey("k").apiKeyHeader("").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("apiKeyHeader");
        assertThatThrownBy(() -> SmsRetailProvider.builder().apiKey("k").baseUri(java.net.URI.create("ftp://x")).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("baseUri");
    }


    private SmsRetailProvider provider(ProviderHttp http) {
        return SmsRetailProvider.builder().apiKey("retail-key").baseUri(gateway.stub().baseUri()).http(http).build();
    }

}
