package io.retentioncenter.channels.sms.twentythree;

import static io.retentioncenter.core.testkit.EngineLoop.HTTP_RETRIES;
import static io.retentioncenter.core.testkit.EngineLoop.REQUEST_TIMEOUT;
import static io.retentioncenter.core.testkit.EngineLoop.RETRY_BACKOFF;
import static io.retentioncenter.core.testkit.EngineLoop.STEP_MAX_RETRIES;
import static io.retentioncenter.core.testkit.EngineLoop.requestsOnceAtLeast;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.channels.sms.SmsExactlyOnceAcceptance;
import io.retentioncenter.channels.sms.StubGateway;
import io.retentioncenter.channels.sms.StubGateway.Reply;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.ChannelProvider;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * {@link SmsExactlyOnceAcceptance} on 23 Telecom REST v1, plus its one documented "nothing sent"
 * error: HTTP 500 {@code DB_ERROR} (an atomic batch that failed as a whole), which the engine sends
 * again under a new idempotency key after its backoff.
 */
class TwentyThreeTelecomExactlyOnceAcceptanceTest extends SmsExactlyOnceAcceptance {
    private static final String DB_ERROR =
            "{\"status\":false,\"error_code\":\"DB_ERROR\",\"description\":\"batch not queued\"}";

    @Override
    protected ChannelProvider provider(URI stubRoot, ProviderHttp http, Clock clock) {
        return TwentyThreeTelecomSmsProvider.builder().apiKey("key-123").senderId("ExampleCo")
                .baseUri(stubRoot.resolve("/api/v1")).http(http).clock(clock).build();
    }

    @Override
    protected String providerName() {
        return TwentyThreeTelecomSmsProvider.NAME;
    }

    @Override
    protected Reply accepted() {
        return Reply.json(200, TwentyThreeTelecomSmsProviderTest.ACCEPTED);
    }

    @Override
    protected String acceptedMessageId() {
        return TwentyThreeTelecomSmsProviderTest.MESSAGE_ID;
    }

    @Override
    protected String serverErrorBody() {
        return "{\"status\":false,\"error_code\":\"GATEWAY_ERROR\",\"description\":\"upstream\"}";
    }

    @Test
    void a500DbErrorIsSentAgainByTheEngineAfterTheBackoffUnderANewKey() throws Exception {
        StubGateway stub = gateway.start(Reply.json(500, DB_ERROR), accepted());
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        TickResult first = loop.tick();
        assertThat(first.retried()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub::requests, 1)).hasSize(1);
        ContactAttempt pending = loop.attempt();
        assertThat(pending.status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(pending.dueAt()).isEqualTo(loop.clock().instant().plus(RETRY_BACKOFF));
        assertThat(pending.idempotencyKey()).endsWith(":2");

        loop.tick();
        assertThat(requestsOnceAtLeast(stub::requests, 1)).hasSize(1);
        TickResult second = loop.tickAfter(RETRY_BACKOFF);
        loop.tickEveryFewHours();

        assertThat(second.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub::requests, 2)).hasSize(2);
        assertSameMessage(stub.requests());
        loop.assertSent(acceptedMessageId());
    }

    @Test
    void a500DbErrorOnEveryTryFailsAfterTheStepsRetries() throws Exception {
        StubGateway stub = gateway.start(Reply.json(500, DB_ERROR));
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        loop.tick();
        loop.tickAfter(RETRY_BACKOFF);
        TickResult last = loop.tickAfter(RETRY_BACKOFF.multipliedBy(2));
        loop.tickEveryFewHours();

        assertThat(last.failed()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub::requests, 1 + STEP_MAX_RETRIES)).hasSize(1 + STEP_MAX_RETRIES);
        assertSameMessage(stub.requests());
        assertThat(loop.attempt().status()).isEqualTo(AttemptStatus.FAILED);
        assertThat(loop.attempt().error()).contains("23telecom: HTTP 500 DB_ERROR: batch not queued");
    }
}
