package io.retentioncenter.channels.vapi;

import static io.retentioncenter.core.testkit.EngineLoop.HTTP_RETRIES;
import static io.retentioncenter.core.testkit.EngineLoop.REQUEST_TIMEOUT;
import static io.retentioncenter.core.testkit.EngineLoop.STALL_TIMEOUT;
import static io.retentioncenter.core.testkit.EngineLoop.requestsOnceAtLeast;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.channels.vapi.StubVapiServer.Recorded;
import io.retentioncenter.channels.vapi.StubVapiServer.Reply;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.testkit.EngineLoop;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole engine loop on VAPI over a loopback stub: one campaign, one active sequence with a
 * single CALL step, one lead, and {@code engine.tick()} with the engine clock moved between ticks.
 * Requests are counted at the stub. {@code POST /call} takes no idempotency key, so a create that
 * may have reached VAPI is never sent again: it ends UNKNOWN for an operator. Only a 429 and a
 * connection that was never made are tried again (transport retries apply to nothing else: VAPI
 * sends are UNSAFE).
 */
class VapiExactlyOnceAcceptanceTest {
    private static final String ASSISTANT_ID = "5b0a4a08-133c-4146-9315-0984f8c6be80";
    private static final String PHONE_NUMBER_ID = "c86b5177-5cd8-447f-9013-99e307a8a7bb";
    private static final String CALL_ID = "3f9c2e71-0b6a-4c1e-9d5f-2a8b7c6d5e4f";
    private static final Reply CREATED = Reply.of(201, "{\"id\":\"" + CALL_ID + "\",\"status\":\"queued\"}");
    private static final String PHONE = "+14155550123";

    @RegisterExtension
    final EngineLoop loop = new EngineLoop();

    @BeforeAll
    static void warmUp() throws Exception {
        try (StubVapiServer warm = new StubVapiServer()) {
            EngineLoop.warmUp(warm.baseUri());
        }
    }

    // --- a. VAPI places the call but answers after the request timeout --------------------------

    @Test
    void aStalledAnswerIsNeverSentAgainAndEndsUnknown() throws Exception {
        StubVapiServer stub = stub().always(CREATED.heldUntilClose());
        start(stub.baseUri(), http(STALL_TIMEOUT, HTTP_RETRIES));

        loop.tickToUnknownAfterOneRequest(stub::requests);
        assertEndedUnknown();
        assertThat(loop.attempt().error()).hasValueSatisfying(e -> assertThat(e).contains("HttpTimeoutException"));
    }

    // --- b. 502 after acting --------------------------------------------------------------------

    @Test
    void a502IsNeverSentAgainAndEndsUnknown() throws Exception {
        StubVapiServer stub = stub().then(Reply.of(502, "{\"message\":\"Bad Gateway\"}")).always(CREATED);
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        loop.tickToUnknownAfterOneRequest(stub::requests);
        assertEndedUnknown();
        assertThat(loop.attempt().error()).contains("VAPI 502: Bad Gateway");
    }

    // --- c. 2xx with a garbage body -------------------------------------------------------------

    @Test
    void a2xxWithAnUnreadableBodyIsSentOnce() throws Exception {
        StubVapiServer stub = stub().always(Reply.of(201, "<html>created</html>"));
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        TickResult first = loop.tickOnceThenEveryFewHours();

        assertThat(first.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub::requests, 1)).hasSize(1);
        loop.assertSentOnceWithoutRef();
    }

    // --- d. 429 with Retry-After ----------------------------------------------------------------

    @Test
    void a429IsRetriedByTheEngineOnceItsRetryAfterHasPassedOnTheEngineClock() throws Exception {
        StubVapiServer stub = stub().then(Reply.of(429, "{\"message\":\"Too Many Requests\"}")
                .withHeader("Retry-After", "120")).always(CREATED);
        // transport retries off, so that the 429 reaches the engine
        start(stub.baseUri(), http(REQUEST_TIMEOUT, 0));

        loop.tickThroughA120sRetryAfter(stub::requests);
        assertSameCall(stub.requests());
        loop.assertSent(CALL_ID, 2);
    }

    @Test
    void a429IsRetriedByTheTransportAfterItsRetryAfterWithinOneTick() throws Exception {
        StubVapiServer stub = stub().then(Reply.of(429, "{\"message\":\"Too Many Requests\"}")
                .withHeader("Retry-After", "1")).always(CREATED);
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        TickResult first = loop.tickOnceThenEveryFewHours();

        assertThat(first.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub::requests, 2)).hasSize(2);
        assertSameCall(stub.requests());
        loop.assertSent(CALL_ID, 1);
    }

    // --- e. connection refused ------------------------------------------------------------------

    @Test
    void aRefusedConnectionIsTriedAgainAfterTheBackoffAndSentOnce() throws Exception {
        Socket reserved = loop.reservePort();
        int port = reserved.getLocalPort();
        start(URI.create("http://127.0.0.1:" + port), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        loop.tickAndAssertRefusedThenPending();

        reserved.close();
        StubVapiServer stub = loop.closeAfter(StubVapiServer.on(port)).always(CREATED);
        loop.assertSentOnlyAfterTheBackoff(stub::requests, CALL_ID);
    }

    // --- fixture --------------------------------------------------------------------------------

    private StubVapiServer stub() throws Exception {
        return loop.closeAfter(new StubVapiServer());
    }

    private ProviderHttp http(Duration requestTimeout, int retries) {
        return loop.http("vapi-acceptance", requestTimeout, retries);
    }

    /** The engine with VAPI as its CALL channel, one campaign, a one-step sequence and one lead. */
    private void start(URI baseUri, ProviderHttp http) {
        loop.start(VapiCallProvider.builder().apiKey("sk_test_private").assistantId(ASSISTANT_ID)
                        .phoneNumberId(PHONE_NUMBER_ID).baseUri(baseUri).http(http).clock(loop.clock()).build(),
                NewScript.builder(Channel.CALL, "bonus call", "Call {{firstName}} about the bonus").build(),
                NewLead.builder(LeadSource.API).phone(PHONE).firstName("Maria").build());
    }

    /** Every request creates the same call: same body, same attempt in its metadata. */
    private void assertSameCall(List<Recorded> requests) throws Exception {
        assertThat(requests).extracting(Recorded::body).containsOnly(requests.get(0).body());
        JsonNode body = JsonPayload.mapper().readTree(requests.get(0).body());
        assertThat(body.at("/customer/number").asText()).isEqualTo(PHONE);
        assertThat(body.at("/assistantOverrides/metadata/rc_attempt_id").asText()).isEqualTo(loop.attempt().id());
    }

    /** The attempt waits for an operator after its one try: reported to the listener, listed, counted. */
    private void assertEndedUnknown() {
        assertThat(loop.assertEndedUnknown(VapiCallProvider.NAME).tryNumber()).isEqualTo(1);
    }
}
