package io.retentioncenter.channels.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.channels.vapi.StubVapiServer.Recorded;
import io.retentioncenter.channels.vapi.StubVapiServer.Reply;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.internal.JsonPayload;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole engine loop on VAPI over a loopback stub: one campaign, one active sequence with a
 * single CALL step, one lead, and {@code engine.tick()} with the engine clock moved between ticks.
 * Requests are counted at the stub. {@code POST /call} takes no idempotency key, so a create that
 * may have reached VAPI is never sent again: it ends UNKNOWN for an operator. Only a 429 and a
 * connection that was never made are tried again.
 */
class VapiExactlyOnceAcceptanceTest {
    private static final String ASSISTANT_ID = "5b0a4a08-133c-4146-9315-0984f8c6be80";
    private static final String PHONE_NUMBER_ID = "c86b5177-5cd8-447f-9013-99e307a8a7bb";
    private static final String CALL_ID = "3f9c2e71-0b6a-4c1e-9d5f-2a8b7c6d5e4f";
    private static final Reply CREATED = Reply.of(201, "{\"id\":\"" + CALL_ID + "\",\"status\":\"queued\"}");
    private static final String PHONE = "+14155550123";

    /** The step's retries (the default). */
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
     * Fires on purpose in the stall scenario, where the stub holds its answer on a latch until
     * teardown; long enough for the request to reach the stub on a busy machine.
     */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(1);
    /** Transport retries: they apply only to 429 and connections never made (VAPI sends are UNSAFE). */
    private static final int HTTP_RETRIES = 2;

    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final List<ContactAttempt> reportedUnknown = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> teardown = new CopyOnWriteArrayList<>();
    private RetentionEngine engine;
    private String leadId;

    /**
     * One throwaway exchange through the JDK client and server classes, so that class loading on a
     * cold JVM does not eat the stall scenario's request timeout before the request reaches the stub.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        try (StubVapiServer warm = new StubVapiServer()) {
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

    // --- a. VAPI places the call but answers after the request timeout --------------------------

    @Test
    void aStalledAnswerIsNeverSentAgainAndEndsUnknown() throws Exception {
        StubVapiServer stub = stub().always(CREATED.heldUntilClose());
        start(stub.baseUri(), http(STALL_TIMEOUT, HTTP_RETRIES));

        TickResult first = engine.tick();
        tickEveryFewHours();

        assertThat(first.unknown()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);
        assertEndedUnknown();
        assertThat(attempt().error()).hasValueSatisfying(e -> assertThat(e).contains("HttpTimeoutException"));
    }

    // --- b. 502 after acting --------------------------------------------------------------------

    @Test
    void a502IsNeverSentAgainAndEndsUnknown() throws Exception {
        StubVapiServer stub = stub().then(Reply.of(502, "{\"message\":\"Bad Gateway\"}")).always(CREATED);
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        TickResult first = engine.tick();
        tickEveryFewHours();

        assertThat(first.unknown()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);
        assertEndedUnknown();
        assertThat(attempt().error()).contains("VAPI 502: Bad Gateway");
    }

    // --- c. 2xx with a garbage body -------------------------------------------------------------

    @Test
    void a2xxWithAnUnreadableBodyIsSentOnce() throws Exception {
        StubVapiServer stub = stub().always(Reply.of(201, "<html>created</html>"));
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

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
        StubVapiServer stub = stub().then(Reply.of(429, "{\"message\":\"Too Many Requests\"}")
                .withHeader("Retry-After", "120")).always(CREATED);
        // transport retries off, so that the 429 reaches the engine
        start(stub.baseUri(), http(REQUEST_TIMEOUT, 0));

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
        assertSameCall(stub.requests());
        assertThat(attempt().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(attempt().providerRef()).contains(CALL_ID);
        assertThat(attempt().tryNumber()).isEqualTo(2);
    }

    @Test
    void a429IsRetriedByTheTransportAfterItsRetryAfterWithinOneTick() throws Exception {
        StubVapiServer stub = stub().then(Reply.of(429, "{\"message\":\"Too Many Requests\"}")
                .withHeader("Retry-After", "1")).always(CREATED);
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        TickResult first = engine.tick();
        tickEveryFewHours();

        assertThat(first.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 2)).hasSize(2);
        assertSameCall(stub.requests());
        assertThat(attempt().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(attempt().providerRef()).contains(CALL_ID);
        assertThat(attempt().tryNumber()).isEqualTo(1);
    }

    // --- e. connection refused ------------------------------------------------------------------

    @Test
    void aRefusedConnectionIsTriedAgainAfterTheBackoffAndSentOnce() throws Exception {
        Socket reserved = reservePort();
        int port = reserved.getLocalPort();
        start(URI.create("http://127.0.0.1:" + port), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        TickResult first = engine.tick();
        assertThat(first.retried()).isEqualTo(1);
        ContactAttempt pending = attempt();
        assertThat(pending.status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(pending.tryNumber()).isEqualTo(2);
        assertThat(pending.dueAt()).isEqualTo(clock.instant().plus(RETRY_BACKOFF));
        assertThat(pending.error()).hasValueSatisfying(e -> assertThat(e).contains("ConnectException"));

        reserved.close();
        StubVapiServer stub = StubVapiServer.on(port).always(CREATED);
        teardown.add(stub);
        engine.tick();
        assertThat(stub.requests()).isEmpty();
        TickResult second = tickAfter(RETRY_BACKOFF);
        tickEveryFewHours();

        assertThat(second.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);
        assertThat(attempt().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(attempt().providerRef()).contains(CALL_ID);
    }

    // --- fixture --------------------------------------------------------------------------------

    private StubVapiServer stub() throws Exception {
        StubVapiServer stub = new StubVapiServer();
        teardown.add(stub);
        return stub;
    }

    /** 1 s to connect, {@code requestTimeout} per request, 10 s in total, {@code retries} retries 5 ms → 2 s apart. */
    private ProviderHttp http(Duration requestTimeout, int retries) {
        return ProviderHttp.builder("vapi-acceptance").connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(requestTimeout).totalTimeout(TOTAL_TIMEOUT).maxRetries(retries)
                .initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofSeconds(2)).clock(clock).build();
    }

    /** The engine with VAPI as its CALL channel, one campaign, a one-step sequence and one lead. */
    private void start(URI baseUri, ProviderHttp http) {
        VapiCallProvider vapi = VapiCallProvider.builder().apiKey("sk_test_private").assistantId(ASSISTANT_ID)
                .phoneNumberId(PHONE_NUMBER_ID).baseUri(baseUri).http(http).clock(clock).build();
        engine = RetentionEngine.builder().store(new InMemoryRetentionStore()).clock(clock).channel(vapi)
                .dispatchTimeout(DISPATCH_TIMEOUT).retryBackoff(RETRY_BACKOFF).randomSeed(7)
                .listener(new EngineListener() {
                    @Override
                    public void attemptOutcomeUnknown(ContactAttempt attempt) {
                        reportedUnknown.add(attempt);
                    }
                })
                .build();
        Campaign campaign = engine.campaigns().create(NewCampaign.builder("spring bonus").build());
        engine.scripts().create(NewScript.builder(Channel.CALL, "bonus call", "Call {{firstName}} about the bonus")
                .build());
        RetentionSequence sequence = engine.sequences().create(NewSequence.builder("one call").campaign(campaign.id())
                .step(new SequenceStep(1, Channel.CALL, 0, DelayUnit.MINUTES, Optional.empty(), Set.of(),
                        STEP_MAX_RETRIES))
                .build());
        engine.sequences().activate(sequence.id());
        leadId = engine.leads().ingest(NewLead.builder(LeadSource.API).phone(PHONE).firstName("Maria").build())
                .lead().id();
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

    /**
     * The stub's requests once it has recorded {@code expected} of them (waiting at most 10 s for a
     * request still on its way to the handler), so that the count asserted is the final one.
     */
    private static List<Recorded> requestsOnceAtLeast(StubVapiServer stub, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stub.requests().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return stub.requests();
    }

    private ContactAttempt attempt() {
        List<ContactAttempt> attempts = engine.store().attemptsOfLead(leadId);
        assertThat(attempts).hasSize(1);
        return attempts.get(0);
    }

    /** Every request creates the same call: same body, same attempt in its metadata. */
    private void assertSameCall(List<Recorded> requests) throws Exception {
        assertThat(requests).extracting(Recorded::body).containsOnly(requests.get(0).body());
        JsonNode body = JsonPayload.mapper().readTree(requests.get(0).body());
        assertThat(body.at("/customer/number").asText()).isEqualTo(PHONE);
        assertThat(body.at("/assistantOverrides/metadata/rc_attempt_id").asText()).isEqualTo(attempt().id());
    }

    /** The attempt waits for an operator: reported to the listener, listed, counted. */
    private void assertEndedUnknown() {
        ContactAttempt end = attempt();
        assertThat(end.status()).isEqualTo(AttemptStatus.UNKNOWN);
        assertThat(end.tryNumber()).isEqualTo(1);
        assertThat(end.provider()).contains(VapiCallProvider.NAME);
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
