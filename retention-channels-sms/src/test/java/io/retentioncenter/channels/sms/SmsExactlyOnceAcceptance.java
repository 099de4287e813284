package io.retentioncenter.channels.sms;

import static io.retentioncenter.core.testkit.EngineLoop.HTTP_RETRIES;
import static io.retentioncenter.core.testkit.EngineLoop.REQUEST_TIMEOUT;
import static io.retentioncenter.core.testkit.EngineLoop.STALL_TIMEOUT;
import static io.retentioncenter.core.testkit.EngineLoop.requestsOnceAtLeast;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.channels.sms.StubGateway.Recorded;
import io.retentioncenter.channels.sms.StubGateway.Reply;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.testkit.EngineLoop;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole engine loop on one SMS gateway over a loopback stub: one campaign, one active sequence
 * with a single SMS step, one lead, and {@code engine.tick()} with the engine clock moved between
 * ticks. Requests are counted at the stub. Neither gateway takes an idempotency key, so a message
 * that may have reached the gateway is never sent again: it ends UNKNOWN for an operator. Only a
 * 429, a connection that was never made, and an error the gateway documents as "nothing sent" are
 * tried again (transport retries apply only to the first two: SMS sends are UNSAFE). Each
 * gateway's test class extends this one.
 */
public abstract class SmsExactlyOnceAcceptance {
    /** The lead's phone. */
    protected static final String PHONE = GatewayHarness.RECIPIENT;

    /** The stub gateway; closing it after each test releases the answers it holds. */
    @RegisterExtension
    protected final GatewayHarness gateway = new GatewayHarness();

    /** The engine, its clock and store; see {@link #start}. */
    @RegisterExtension
    protected final EngineLoop loop = new EngineLoop();

    /** The gateway's provider, sending to the stub whose root is {@code stubRoot}. */
    protected abstract ChannelProvider provider(URI stubRoot, ProviderHttp http, Clock clock);

    /** The provider name stored on attempts. */
    protected abstract String providerName();

    /** A 2xx answer the gateway gives for an accepted message. */
    protected abstract Reply accepted();

    /** The message id in {@link #accepted()}. */
    protected abstract String acceptedMessageId();

    /** A JSON error body the gateway could send with a 5xx, naming no "nothing sent" condition. */
    protected abstract String serverErrorBody();

    @BeforeAll
    static void warmUp() throws Exception {
        try (StubGateway warm = StubGateway.start(Reply.json(200, "{}"))) {
            EngineLoop.warmUp(warm.baseUri());
        }
    }

    // --- a. the gateway sends but answers after the request timeout -----------------------------

    @Test
    void aStalledAnswerIsNeverSentAgainAndEndsUnknown() throws Exception {
        StubGateway stub = gateway.start(accepted().heldUntilClose());
        start(stub.baseUri(), http(STALL_TIMEOUT, HTTP_RETRIES));

        loop.tickToUnknownAfterOneRequest(stub::requests);
        assertEndedUnknown();
        assertThat(loop.attempt().error()).hasValueSatisfying(e -> assertThat(e).contains("HttpTimeoutException"));
    }

    // --- b. 502 after acting --------------------------------------------------------------------

    @Test
    void a502IsNeverSentAgainAndEndsUnknown() throws Exception {
        StubGateway stub = gateway.start(Reply.json(502, serverErrorBody()), accepted());
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        loop.tickToUnknownAfterOneRequest(stub::requests);
        assertEndedUnknown();
        assertThat(loop.attempt().error())
                .hasValueSatisfying(e -> assertThat(e).startsWith(providerName() + ": HTTP 502"));
    }

    // --- c. 2xx with a garbage body -------------------------------------------------------------

    @Test
    void a2xxWithAnUnreadableBodyIsSentOnce() throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, "<html>queued</html>"));
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        TickResult first = loop.tickOnceThenEveryFewHours();

        assertThat(first.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub::requests, 1)).hasSize(1);
        loop.assertSentOnceWithoutRef();
    }

    // --- d. 429 with Retry-After ----------------------------------------------------------------

    @Test
    void a429IsRetriedByTheEngineOnceItsRetryAfterHasPassedOnTheEngineClock() throws Exception {
        StubGateway stub = gateway.start(Reply.json(429, "{}").withHeader("Retry-After", "120"), accepted());
        // transport retries off, so that the 429 reaches the engine
        start(stub.baseUri(), http(REQUEST_TIMEOUT, 0));

        loop.tickThroughA120sRetryAfter(stub::requests);
        assertSameMessage(stub.requests());
        loop.assertSent(acceptedMessageId(), 2);
    }

    @Test
    void a429IsRetriedByTheTransportAfterItsRetryAfterWithinOneTick() throws Exception {
        StubGateway stub = gateway.start(Reply.json(429, "{}").withHeader("Retry-After", "1"), accepted());
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        TickResult first = loop.tickOnceThenEveryFewHours();

        assertThat(first.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub::requests, 2)).hasSize(2);
        assertSameMessage(stub.requests());
        loop.assertSent(acceptedMessageId(), 1);
    }

    // --- e. connection refused ------------------------------------------------------------------

    @Test
    void aRefusedConnectionIsTriedAgainAfterTheBackoffAndSentOnce() throws Exception {
        Socket reserved = loop.reservePort();
        int port = reserved.getLocalPort();
        start(URI.create("http://127.0.0.1:" + port), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        loop.tickAndAssertRefusedThenPending();

        reserved.close();
        StubGateway stub = gateway.startOn(port, accepted());
        loop.assertSentOnlyAfterTheBackoff(stub::requests, acceptedMessageId());
    }

    // --- fixture --------------------------------------------------------------------------------

    /** The engine loop's transport for this gateway: see {@link EngineLoop#http}. */
    protected ProviderHttp http(Duration requestTimeout, int retries) {
        return loop.http(providerName() + "-acceptance", requestTimeout, retries);
    }

    /** The engine with the gateway as its SMS channel, one campaign, a one-step sequence and one lead. */
    protected void start(URI stubRoot, ProviderHttp http) {
        loop.start(provider(stubRoot, http, loop.clock()),
                NewScript.builder(Channel.SMS, "bonus sms",
                        "Hi {{firstName|there}}, your spring bonus waits. Reply STOP to opt out").build(),
                NewLead.builder(LeadSource.API).phone(PHONE).firstName("Maria").build());
    }

    /** Every request carries the same message to the same phone. */
    protected void assertSameMessage(List<Recorded> requests) {
        assertThat(requests).extracting(Recorded::body).containsOnly(requests.get(0).body());
        assertThat(requests.get(0).body()).contains(PHONE.substring(1)).contains("your spring bonus waits");
    }

    /** The attempt waits for an operator after its one try: reported to the listener, listed, counted. */
    protected void assertEndedUnknown() {
        assertThat(loop.assertEndedUnknown(providerName()).tryNumber()).isEqualTo(1);
    }
}
