package io.retentioncenter.channels.instantly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retentioncenter.channels.instantly.StubInstantly.Recorded;
import io.retentioncenter.channels.instantly.StubInstantly.Reply;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.EngineListener;
import io.retentioncenter.core.testing.MutableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    /** The step's retries: an attempt is tried at most 1 + this many times by the engine. */
    private static final int STEP_MAX_RETRIES = 2;
    /** The engine's first backoff, doubled per try. */
    private static final Duration RETRY_BACKOFF = Duration.ofMinutes(1);
    /** The transport's total timeout: the provider's maxSendTime. */
    private static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than {@link #TOTAL_TIMEOUT}, as the engine builder requires. */
    private static final Duration DISPATCH_TIMEOUT = Duration.ofSeconds(15);
    /** Never reached on loopback unless the stub holds its answer on purpose. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Fires on purpose in the stall scenarios, where the stub holds its answer on a latch until
     * teardown; long enough for the request to reach the stub on a busy machine.
     */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(1);
    private static final int HTTP_RETRIES = 2;

    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final List<ContactAttempt> reportedUnknown = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> teardown = new CopyOnWriteArrayList<>();
    private RetentionEngine engine;
    private String leadId;

    /**
     * One throwaway exchange through the JDK client and server classes, so that class loading on a
     * cold JVM does not eat a stall scenario's request timeout before the request reaches the stub.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        try (StubInstantly warm = new StubInstantly(Reply.json(200, "{}"))) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(warm.baseUri().resolve("/warm-up"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @AfterEach
    void releaseStubs() throws Exception {
        for (AutoCloseable c : teardown) {
            c.close(); // a stub's close releases the latch its held answers wait on
        }
    }

    // --- a. the gateway acts but answers after the request timeout ------------------------------

    @Test
    void aStalledAnswerIsSentAgainWithTheSameKeyOnlyAfterABackoffThenEndsUnknown() throws Exception {
        StubInstantly stub = stub(Reply.never());
        // transport retries off, so that every request the stub counts is one engine try
        start(stub.baseUri(), http(STALL_TIMEOUT, 0), true);

        TickResult first = engine.tick();

        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);
        assertThat(first.retried()).isEqualTo(1);
        ContactAttempt pending = attempt();
        assertThat(pending.status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(pending.tryNumber()).isEqualTo(2);
        assertThat(pending.dueAt()).isEqualTo(clock.instant().plus(RETRY_BACKOFF));
        assertThat(pending.error()).hasValueSatisfying(e -> assertThat(e)
                .contains("HttpTimeoutException").endsWith("sending again with the same key"));
        String key = pending.idempotencyKey();

        // never twice in one tick, never before the backoff
        engine.tick();
        tickAfter(RETRY_BACKOFF.minusSeconds(1));
        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);

        tickAfter(Duration.ofSeconds(1));
        assertThat(requestsOnceAtLeast(stub, 2)).hasSize(2);
        assertThat(attempt().idempotencyKey()).isEqualTo(key);
        assertThat(attempt().tryNumber()).isEqualTo(3);
        assertThat(attempt().dueAt()).isEqualTo(clock.instant().plus(RETRY_BACKOFF.multipliedBy(2)));

        tickAfter(RETRY_BACKOFF.multipliedBy(2).minusSeconds(1));
        assertThat(requestsOnceAtLeast(stub, 2)).hasSize(2);
        TickResult last = tickAfter(Duration.ofSeconds(1));
        assertThat(requestsOnceAtLeast(stub, 1 + STEP_MAX_RETRIES)).hasSize(1 + STEP_MAX_RETRIES);
        assertThat(last.unknown()).isEqualTo(1);

        tickEveryFewHours();
        assertThat(requestsOnceAtLeast(stub, 1 + STEP_MAX_RETRIES)).hasSize(1 + STEP_MAX_RETRIES);
        assertSameAddToTheSameCampaign(stub.requests());
        assertEndedUnknown(key);
    }

    @Test
    void withoutSkipIfInCampaignAStalledAnswerEndsUnknownAfterOneRequest() throws Exception {
        StubInstantly stub = stub(Reply.never());
        start(stub.baseUri(), http(STALL_TIMEOUT, HTTP_RETRIES), false);

        TickResult first = engine.tick();
        tickEveryFewHours();

        assertThat(first.unknown()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);
        assertThat(JSON.readTree(stub.requests().get(0).body()).get("skip_if_in_campaign").asBoolean()).isFalse();
        assertEndedUnknown(attempt().idempotencyKey());
    }

    // --- b. 502 after acting --------------------------------------------------------------------

    @Test
    void a502IsRetriedByTheTransportAndTheEngineWithOneBodyThenEndsUnknown() throws Exception {
        StubInstantly stub = stub(Reply.json(502, "{\"statusCode\":502,\"error\":\"Bad Gateway\",\"message\":\"upstream\"}"));
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES), true);
        int perEngineTry = 1 + HTTP_RETRIES;

        engine.tick();
        String key = attempt().idempotencyKey();
        assertThat(requestsOnceAtLeast(stub, perEngineTry)).hasSize(perEngineTry);
        engine.tick();
        assertThat(requestsOnceAtLeast(stub, perEngineTry)).hasSize(perEngineTry);
        tickAfter(RETRY_BACKOFF);
        assertThat(requestsOnceAtLeast(stub, 2 * perEngineTry)).hasSize(2 * perEngineTry);
        tickAfter(RETRY_BACKOFF.multipliedBy(2));
        tickEveryFewHours();

        assertThat(requestsOnceAtLeast(stub, (1 + STEP_MAX_RETRIES) * perEngineTry)).hasSize((1 + STEP_MAX_RETRIES) * perEngineTry);
        assertSameAddToTheSameCampaign(stub.requests());
        assertEndedUnknown(key);
        assertThat(attempt().error()).contains("Instantly HTTP 502: upstream");
    }

    @Test
    void withoutSkipIfInCampaignA502EndsUnknownAfterOneRequest() throws Exception {
        StubInstantly stub = stub(Reply.json(502, "{\"statusCode\":502,\"message\":\"upstream\"}"),
                Reply.json(200, LEAD_RESPONSE));
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES), false);

        engine.tick();
        tickEveryFewHours();

        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);
        assertEndedUnknown(attempt().idempotencyKey());
    }

    // --- c. 2xx with a garbage body -------------------------------------------------------------

    @Test
    void a2xxWithAnUnreadableBodyIsSentOnce() throws Exception {
        StubInstantly stub = stub(Reply.json(200, "<html>OK</html>"));
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES), true);

        TickResult first = engine.tick();
        tickEveryFewHours();

        assertThat(first.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);
        ContactAttempt sent = attempt();
        assertThat(sent.status()).isEqualTo(AttemptStatus.SENT);
        assertThat(sent.providerRef()).isEmpty();
        assertThat(sent.tryNumber()).isEqualTo(1);
        assertThat(reportedUnknown).isEmpty();
    }

    // --- d. 429 with Retry-After ----------------------------------------------------------------

    @Test
    void a429IsRetriedByTheEngineOnceItsRetryAfterHasPassedOnTheEngineClock() throws Exception {
        StubInstantly stub = stub(
                Reply.json(429, "{\"statusCode\":429,\"message\":\"Rate limit\"}", Map.of("Retry-After", "120")),
                Reply.json(200, LEAD_RESPONSE));
        // transport retries off, so that the 429 reaches the engine
        start(stub.baseUri(), http(REQUEST_TIMEOUT, 0), true);

        TickResult first = engine.tick();
        assertThat(first.retried()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);
        assertThat(attempt().status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(attempt().dueAt()).isEqualTo(clock.instant().plusSeconds(120));

        engine.tick();
        tickAfter(Duration.ofSeconds(119));
        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);
        TickResult second = tickAfter(Duration.ofSeconds(1));
        tickEveryFewHours();

        assertThat(second.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 2)).hasSize(2);
        assertSameAddToTheSameCampaign(stub.requests());
        assertThat(attempt().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(attempt().providerRef()).contains(LEAD_ID);
        assertThat(attempt().tryNumber()).isEqualTo(2);
    }

    @Test
    void a429IsRetriedByTheTransportAfterItsRetryAfterWithinOneTick() throws Exception {
        StubInstantly stub = stub(
                Reply.json(429, "{\"statusCode\":429,\"message\":\"Rate limit\"}", Map.of("Retry-After", "1")),
                Reply.json(200, LEAD_RESPONSE));
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES), true);

        TickResult first = engine.tick();
        tickEveryFewHours();

        assertThat(first.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 2)).hasSize(2);
        assertSameAddToTheSameCampaign(stub.requests());
        assertThat(attempt().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(attempt().providerRef()).contains(LEAD_ID);
        assertThat(attempt().tryNumber()).isEqualTo(1);
    }

    // --- e. connection refused ------------------------------------------------------------------

    @Test
    void aRefusedConnectionIsTriedAgainAfterTheBackoffAndSentOnce() throws Exception {
        Socket reserved = reservePort();
        int port = reserved.getLocalPort();
        start(URI.create("http://127.0.0.1:" + port), http(REQUEST_TIMEOUT, HTTP_RETRIES), true);

        TickResult first = engine.tick();
        assertThat(first.retried()).isEqualTo(1);
        ContactAttempt pending = attempt();
        assertThat(pending.status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(pending.tryNumber()).isEqualTo(2);
        assertThat(pending.dueAt()).isEqualTo(clock.instant().plus(RETRY_BACKOFF));
        assertThat(pending.error()).hasValueSatisfying(e -> assertThat(e).contains("ConnectException"));

        reserved.close();
        StubInstantly stub = StubInstantly.on(port, Reply.json(200, LEAD_RESPONSE));
        teardown.add(stub);
        engine.tick();
        assertThat(stub.requests()).isEmpty();
        TickResult second = tickAfter(RETRY_BACKOFF);
        tickEveryFewHours();

        assertThat(second.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);
        assertThat(attempt().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(attempt().providerRef()).contains(LEAD_ID);
    }

    // --- fixture --------------------------------------------------------------------------------

    private StubInstantly stub(Reply... replies) throws Exception {
        StubInstantly stub = new StubInstantly(replies);
        teardown.add(stub);
        return stub;
    }

    /** 1 s to connect, {@code requestTimeout} per request, 10 s in total, {@code retries} retries 5 ms → 2 s apart. */
    private ProviderHttp http(Duration requestTimeout, int retries) {
        return ProviderHttp.builder("instantly-acceptance").connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(requestTimeout).totalTimeout(TOTAL_TIMEOUT).maxRetries(retries)
                .initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofSeconds(2)).clock(clock).build();
    }

    /** The engine with Instantly as its EMAIL channel, one campaign, a one-step sequence and one lead. */
    private void start(URI baseUri, ProviderHttp http, boolean skipIfInCampaign) {
        InstantlyEmailProvider instantly = InstantlyEmailProvider.builder().apiKey(KEY).campaignId(CAMPAIGN)
                .baseUri(baseUri).skipIfInCampaign(skipIfInCampaign).http(http).clock(clock).build();
        engine = RetentionEngine.builder().store(new InMemoryRetentionStore()).clock(clock).channel(instantly)
                .dispatchTimeout(DISPATCH_TIMEOUT).retryBackoff(RETRY_BACKOFF).randomSeed(7)
                .listener(new EngineListener() {
                    @Override
                    public void attemptOutcomeUnknown(ContactAttempt attempt) {
                        reportedUnknown.add(attempt);
                    }
                })
                .build();
        Campaign campaign = engine.campaigns().create(NewCampaign.builder("spring bonus").build());
        engine.scripts().create(NewScript.builder(Channel.EMAIL, "bonus mail", "Hi {{firstName|there}}, your bonus waits")
                .subject("Your spring bonus").build());
        RetentionSequence sequence = engine.sequences().create(NewSequence.builder("one email").campaign(campaign.id())
                .step(new SequenceStep(1, Channel.EMAIL, 0, DelayUnit.MINUTES, Optional.empty(), Set.of(),
                        STEP_MAX_RETRIES))
                .build());
        engine.sequences().activate(sequence.id());
        leadId = engine.leads().ingest(NewLead.builder(LeadSource.API).email(EMAIL).firstName("Maria").build())
                .lead().id();
    }

    /**
     * The stub's requests once it has recorded {@code expected} of them (waiting at most 10 s for a
     * request still on its way to the handler), so that the count asserted is the final one.
     */
    private static List<Recorded> requestsOnceAtLeast(StubInstantly stub, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stub.requests().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return stub.requests();
    }

    private TickResult tickAfter(Duration step) {
        clock.advance(step);
        return engine.tick();
    }

    /** Five more ticks, six hours apart: nothing may go out any more. */
    private void tickEveryFewHours() {
        for (int i = 0; i < 5; i++) {
            tickAfter(Duration.ofHours(6));
        }
    }

    private ContactAttempt attempt() {
        List<ContactAttempt> attempts = engine.store().attemptsOfLead(leadId);
        assertThat(attempts).hasSize(1);
        return attempts.get(0);
    }

    /** Every request is the same add: same campaign, address, attempt id and skip flag. */
    private void assertSameAddToTheSameCampaign(List<Recorded> requests) throws Exception {
        assertThat(requests).extracting(Recorded::body).containsOnly(requests.get(0).body());
        JsonNode body = JSON.readTree(requests.get(0).body());
        assertThat(body.get("campaign").asText()).isEqualTo(CAMPAIGN);
        assertThat(body.get("email").asText()).isEqualTo(EMAIL);
        assertThat(body.at("/custom_variables/rc_attempt_id").asText()).isEqualTo(attempt().id());
        assertThat(body.at("/custom_variables/rc_lead_id").asText()).isEqualTo(leadId);
    }

    /** The attempt waits for an operator, under the key it was first sent with. */
    private void assertEndedUnknown(String key) {
        ContactAttempt end = attempt();
        assertThat(end.status()).isEqualTo(AttemptStatus.UNKNOWN);
        assertThat(end.idempotencyKey()).isEqualTo(key);
        assertThat(end.provider()).contains(InstantlyEmailProvider.NAME);
        assertThat(reportedUnknown).extracting(ContactAttempt::id).containsExactly(end.id());
        assertThat(engine.attempts().unknown(PageRequest.first(10)).items()).extracting(ContactAttempt::id)
                .containsExactly(end.id());
        assertThat(engine.stats().unknownAttempts()).isEqualTo(1);
    }

    /** A free loopback port held without listening: connections to it are refused until it is closed. */
    private Socket reservePort() throws Exception {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        teardown.add(socket);
        return socket;
    }
}
