package io.retentioncenter.channels.sms.http;

import static io.retentioncenter.channels.sms.GatewayHarness.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.channels.sms.GatewayHarness;
import io.retentioncenter.channels.sms.StubGateway;
import io.retentioncenter.channels.sms.StubGateway.Recorded;
import io.retentioncenter.channels.sms.StubGateway.Reply;
import io.retentioncenter.channels.sms.TestMessages;
import io.retentioncenter.channels.sms.twentythree.TwentyThreeTelecomSmsProvider;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.spi.SendResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Core's {@link ProviderHttp} retry, backoff and pacing behaviour, observed through an SMS provider. */
class ProviderHttpThroughSmsProviderTest {
    private static final String ACCEPTED = "{\"status\":true,\"results\":[{\"message_id\":\"api_1\",\"status\":\"accepted\"}]}";

    @RegisterExtension
    final GatewayHarness gateway = new GatewayHarness();

    @Test
    void honoursRetryAfterBeforeRetrying() throws Exception {
        StubGateway stub = gateway.start(Reply.json(429, "{}").withHeader("Retry-After", "1"), Reply.json(200, ACCEPTED));
        ProviderHttp http = ProviderHttp.builder("sms-test").maxRetries(2)
                .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofSeconds(5)).build();

        SendResult result = send(provider(http), "Hello");

        assertThat(result.accepted()).isTrue();
        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(2);
        assertThat(Duration.ofNanos(requests.get(1).receivedNanos() - requests.get(0).receivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void retriesRateLimitsWithBackoffUntilSuccess() throws Exception {
        StubGateway stub = gateway.start(Reply.json(429, "{}"), Reply.json(429, "{}"), Reply.json(200, ACCEPTED));
        ProviderHttp http = ProviderHttp.builder("sms-test").maxRetries(3)
                .initialBackoff(Duration.ofMillis(40)).maxBackoff(Duration.ofMillis(200)).build();

        SendResult result = send(provider(http), "Hello");

        assertThat(result.accepted()).isTrue();
        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(3);
        // jittered backoff is at least half the nominal delay: >= 20 ms, then >= 40 ms
        assertThat(Duration.ofNanos(requests.get(2).receivedNanos() - requests.get(0).receivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void neverRepeatsAServerErrorOfANonIdempotentSend() throws Exception {
        StubGateway stub = gateway.start(Reply.json(503, "{}"), Reply.json(200, ACCEPTED));
        ProviderHttp http = ProviderHttp.builder("sms-test").maxRetries(3).initialBackoff(Duration.ofMillis(1)).build();

        SendResult result = send(provider(http), "Hello");

        assertThat(result).isEqualTo(SendResult.unknown("23telecom: HTTP 503"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void neverRetriesAClientError() throws Exception {
        StubGateway stub = gateway.start(Reply.json(404, "{\"status\":false,\"error_code\":\"NOT_FOUND\"}"), Reply.json(200, ACCEPTED));
        ProviderHttp http = ProviderHttp.builder("sms-test").maxRetries(5).initialBackoff(Duration.ofMillis(1)).build();

        SendResult result = send(provider(http), "Hello");

        assertThat(result.retryable()).isFalse();
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void pacingDelaysRequestsInsteadOfDroppingThem() throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, ACCEPTED));
        TwentyThreeTelecomSmsProvider provider = provider(ProviderHttp.builder("sms-test").requestsPerSecond(20).build());

        long started = System.nanoTime();
        List<CompletableFuture<SendResult>> sends = IntStream.range(0, 5)
                .mapToObj(i -> provider.send(TestMessages.sms("+14155550123", "Hello " + i)).toCompletableFuture())
                .toList();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();

        assertThat(sends).allSatisfy(f -> assertThat(f.join().accepted()).isTrue());
        assertThat(stub.requests()).hasSize(5);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void concurrencyLimitQueuesRequests() throws Exception {
        gateway.start(Reply.json(200, ACCEPTED).after(Duration.ofMillis(100)));
        TwentyThreeTelecomSmsProvider provider = provider(ProviderHttp.builder("sms-test").maxConcurrent(1).build());

        long started = System.nanoTime();
        List<CompletableFuture<SendResult>> sends = IntStream.range(0, 3)
                .mapToObj(i -> provider.send(TestMessages.sms("+14155550123", "Hello " + i)).toCompletableFuture())
                .toList();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();

        assertThat(sends).allSatisfy(f -> assertThat(f.join().accepted()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }


    private TwentyThreeTelecomSmsProvider provider(ProviderHttp http) {
        return TwentyThreeTelecomSmsProvider.builder().apiKey("k").senderId("ExampleCo")
                .baseUri(gateway.stub().baseUri()).http(http).build();
    }
}
