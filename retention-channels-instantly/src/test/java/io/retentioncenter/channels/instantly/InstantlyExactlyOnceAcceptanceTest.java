package io.retentioncenter.channels.instantly;

import static io.retentioncenter.core.testkit.EngineLoop.HTTP_RETRIES;
import static io.retentioncenter.core.testkit.EngineLoop.REQUEST_TIMEOUT;
import static io.retentioncenter.core.testkit.EngineLoop.RETRY_BACKOFF;
import static io.retentioncenter.core.testkit.EngineLoop.STALL_TIMEOUT;
import static io.retentioncenter.core.testkit.EngineLoop.STEP_MAX_RETRIES;
import static io.retentioncenter.core.testkit.EngineLoop.requestsOnceAtLeast;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retentioncenter.channels.instantly.StubInstantly.Recorded;
import io.retentioncenter.channels.instantly.StubInstantly.Reply;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.testkit.EngineLoop;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole engine loop on Instantly over a loopback stub: one campaign, one active sequence with a
 * single EMAIL step, one lead, and {@code engine.tick()} with the engine clock moved between ticks.
 * Requests are counted at the stub. With {@code skip_if_in_campaign} (the default) Instantly skips an
 * address already in the campaign, so the provider is idempotent: an unknown outcome is sent again
 * with the same attempt and key, only after a backoff, at most {@code 1 + maxRetries} engine tries.
 * Without it a send is never repeated once it may have reached Instantly.
 */
class InstantlyExactlyOnceAcceptanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "test-key-ZmFrZS1rZXk";
    private static final String CAMPAIGN = "019a5f3e-7c21-7d40-9b1e-3f0c2a6d8e11";
    private static final String LEAD_ID = "019a6b2c-4d5e-7f60-8a1b-2c3d4e5f6a7b";
    private static final String LEAD_RESPONSE = "{\"id\":\"" + LEAD_ID + "\",\"campaign\":\"" + CAMPAIGN
            + "\",\"email\":\"maria.garcia@example.com\",\"status\":1}";
    private static final String EMAIL = "maria.garcia@example.com";

    @RegisterExtension
    final EngineLoop loop = new EngineLoop();

    @BeforeAll
    static void warmUp() throws Exception {
        try (StubInstantly warm = new StubInstantly(Reply.json(200, "{}"))) {
            EngineLoop.warmUp(warm.baseUri());
        }
    }

    // --- a. the gateway acts but answers after the request timeout ------------------------------

    @Test
    void aStalledAnswerIsSentAgainWithTheSameKeyOnlyAfterABackoffThenEndsUnknown() throws Exception {
        StubInstantly stub = stub(Reply.never());
        // transport retries off, so that every request the stub counts is one engine try
        start(stub.baseUri(), http(STALL_TIMEOUT, 0), true);

        TickResult first = loop.tick();

        assertThat(requestsOnceAtLeast(stub::requests, 1)).hasSize(1);
        assertThat(first.retried()).isEqualTo(1);
        ContactAttempt pending = loop.attempt();
        assertThat(pending.status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(pending.tryNumber()).isEqualTo(2);
        assertThat(pending.dueAt()).isEqualTo(loop.clock().instant().plus(RETRY_BACKOFF));
        assertThat(pending.error()).hasValueSatisfying(e -> assertThat(e)
                .contains("HttpTimeoutException").endsWith("sending again with the same key"));
        String key = pending.idempotencyKey();

        // never twice in one tick, never before the backoff
        loop.tick();
        loop.tickAfter(RETRY_BACKOFF.minusSeconds(1));
        assertThat(requestsOnceAtLeast(stub::requests, 1)).hasSize(1);

        loop.tickAfter(Duration.ofSeconds(1));
        assertThat(requestsOnceAtLeast(stub::requests, 2)).hasSize(2);
        assertThat(loop.attempt().idempotencyKey()).isEqualTo(key);
        assertThat(loop.attempt().tryNumber()).isEqualTo(3);
        assertThat(loop.attempt().dueAt()).isEqualTo(loop.clock().instant().plus(RETRY_BACKOFF.multipliedBy(2)));

        loop.tickAfter(RETRY_BACKOFF.multipliedBy(2).minusSeconds(1));
        assertThat(requestsOnceAtLeast(stub::requests, 2)).hasSize(2);
        TickResult last = loop.tickAfter(Duration.ofSeconds(1));
        assertThat(requestsOnceAtLeast(stub::requests, 1 + STEP_MAX_RETRIES)).hasSize(1 + STEP_MAX_RETRIES);
        assertThat(last.unknown()).isEqualTo(1);

        loop.tickEveryFewHours();
        assertThat(requestsOnceAtLeast(stub::requests, 1 + STEP_MAX_RETRIES)).hasSize(1 + STEP_MAX_RETRIES);
        assertSameAddToTheSameCampaign(stub.requests());
        assertEndedUnknown(key);
    }

    @Test
    void withoutSkipIfInCampaignAStalledAnswerEndsUnknownAfterOneRequest() throws Exception {
        StubInstantly stub = stub(Reply.never());
        start(stub.baseUri(), http(STALL_TIMEOUT, HTTP_RETRIES), false);

        loop.tickToUnknownAfterOneRequest(stub::requests);
        assertThat(JSON.readTree(stub.requests().get(0).body()).get("skip_if_in_campaign").asBoolean()).isFalse();
        assertEndedUnknown(loop.attempt().idempotencyKey());
    }

    // --- b. 502 after acting --------------------------------------------------------------------

    @Test
    void a502IsRetriedByTheTransportAndTheEngineWithOneBodyThenEndsUnknown() throws Exception {
        StubInstantly stub = stub(Reply.json(502, "{\"statusCode\":502,\"error\":\"Bad Gateway\",\"message\":\"upstream\"}"));
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES), true);
        int perEngineTry = 1 + HTTP_RETRIES;

        loop.tick();
        String key = loop.attempt().idempotencyKey();
        assertThat(requestsOnceAtLeast(stub::requests, perEngineTry)).hasSize(perEngineTry);
        loop.tick();
        assertThat(requestsOnceAtLeast(stub::requests, perEngineTry)).hasSize(perEngineTry);
        loop.tickAfter(RETRY_BACKOFF);
        assertThat(requestsOnceAtLeast(stub::requests, 2 * perEngineTry)).hasSize(2 * perEngineTry);
        loop.tickAfter(RETRY_BACKOFF.multipliedBy(2));
        loop.tickEveryFewHours();

        assertThat(requestsOnceAtLeast(stub::requests, (1 + STEP_MAX_RETRIES) * perEngineTry))
                .hasSize((1 + STEP_MAX_RETRIES) * perEngineTry);
        assertSameAddToTheSameCampaign(stub.requests());
        assertEndedUnknown(key);
        assertThat(loop.attempt().error()).contains("Instantly HTTP 502: upstream");
    }

    @Test
    void withoutSkipIfInCampaignA502EndsUnknownAfterOneRequest() throws Exception {
        StubInstantly stub = stub(Reply.json(502, "{\"statusCode\":502,\"message\":\"upstream\"}"),
                Reply.json(200, LEAD_RESPONSE));
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES), false);

        loop.tick();
        loop.tickEveryFewHours();

        assertThat(requestsOnceAtLeast(stub::requests, 1)).hasSize(1);
        assertEndedUnknown(loop.attempt().idempotencyKey());
    }

    // --- c. 2xx with a garbage body -------------------------------------------------------------

    @Test
    void a2xxWithAnUnreadableBodyIsSentOnce() throws Exception {
        StubInstantly stub = stub(Reply.json(200, "<html>OK</html>"));
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES), true);

        TickResult first = loop.tickOnceThenEveryFewHours();

        assertThat(first.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub::requests, 1)).hasSize(1);
        loop.assertSentOnceWithoutRef();
    }

    // --- d. 429 with Retry-After ----------------------------------------------------------------

    @Test
    void a429IsRetriedByTheEngineOnceItsRetryAfterHasPassedOnTheEngineClock() throws Exception {
        StubInstantly stub = stub(
                Reply.json(429, "{\"statusCode\":429,\"message\":\"Rate limit\"}", Map.of("Retry-After", "120")),
                Reply.json(200, LEAD_RESPONSE));
        // transport retries off, so that the 429 reaches the engine
        start(stub.baseUri(), http(REQUEST_TIMEOUT, 0), true);

        loop.tickThroughA120sRetryAfter(stub::requests);
        assertSameAddToTheSameCampaign(stub.requests());
        loop.assertSent(LEAD_ID, 2);
    }

    @Test
    void a429IsRetriedByTheTransportAfterItsRetryAfterWithinOneTick() throws Exception {
        StubInstantly stub = stub(
                Reply.json(429, "{\"statusCode\":429,\"message\":\"Rate limit\"}", Map.of("Retry-After", "1")),
                Reply.json(200, LEAD_RESPONSE));
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES), true);

        TickResult first = loop.tickOnceThenEveryFewHours();

        assertThat(first.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub::requests, 2)).hasSize(2);
        assertSameAddToTheSameCampaign(stub.requests());
        loop.assertSent(LEAD_ID, 1);
    }

    // --- e. connection refused ------------------------------------------------------------------

    @Test
    void aRefusedConnectionIsTriedAgainAfterTheBackoffAndSentOnce() throws Exception {
        Socket reserved = loop.reservePort();
        int port = reserved.getLocalPort();
        start(URI.create("http://127.0.0.1:" + port), http(REQUEST_TIMEOUT, HTTP_RETRIES), true);

        loop.tickAndAssertRefusedThenPending();

        reserved.close();
        StubInstantly stub = loop.closeAfter(StubInstantly.on(port, Reply.json(200, LEAD_RESPONSE)));
        loop.assertSentOnlyAfterTheBackoff(stub::requests, LEAD_ID);
    }

    // --- fixture --------------------------------------------------------------------------------

    private StubInstantly stub(Reply... replies) throws Exception {
        return loop.closeAfter(new StubInstantly(replies));
    }

    private ProviderHttp http(Duration requestTimeout, int retries) {
        return loop.http("instantly-acceptance", requestTimeout, retries);
    }

    /** The engine with Instantly as its EMAIL channel, one campaign, a one-step sequence and one lead. */
    private void start(URI baseUri, ProviderHttp http, boolean skipIfInCampaign) {
        loop.start(InstantlyEmailProvider.builder().apiKey(KEY).campaignId(CAMPAIGN).baseUri(baseUri)
                        .skipIfInCampaign(skipIfInCampaign).http(http).clock(loop.clock()).build(),
                NewScript.builder(Channel.EMAIL, "bonus mail", "Hi {{firstName|there}}, your bonus waits")
                        .subject("Your spring bonus").build(),
                NewLead.builder(LeadSource.API).email(EMAIL).firstName("Maria").build());
    }

    /** Every request is the same add: same campaign, address, attempt id and skip flag. */
    private void assertSameAddToTheSameCampaign(List<Recorded> requests) throws Exception {
        assertThat(requests).extracting(Recorded::body).containsOnly(requests.get(0).body());
        JsonNode body = JSON.readTree(requests.get(0).body());
        assertThat(body.get("campaign").asText()).isEqualTo(CAMPAIGN);
        assertThat(body.get("email").asText()).isEqualTo(EMAIL);
        assertThat(body.at("/custom_variables/rc_attempt_id").asText()).isEqualTo(loop.attempt().id());
        assertThat(body.at("/custom_variables/rc_lead_id").asText()).isEqualTo(loop.leadId());
    }

    /** The attempt waits for an operator, under the key it was first sent with. */
    private void assertEndedUnknown(String key) {
        assertThat(loop.assertEndedUnknown(InstantlyEmailProvider.NAME).idempotencyKey()).isEqualTo(key);
    }
}
