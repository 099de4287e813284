package io.retentioncenter.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.channels.sms.StubGateway.Recorded;
import io.retentioncenter.channels.sms.StubGateway.Reply;
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
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.EngineListener;
import io.retentioncenter.core.testing.MutableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole engine loop on one SMS gateway over a loopback stub: one campaign, one active sequence
 * with a single SMS step, one lead, and {@code engine.tick()} with the engine clock moved between
 * ticks. Requests are counted at the stub. Neither gateway takes an idempotency key, so a message
 * that may have reached the gateway is never sent again: it ends UNKNOWN for an operator. Only a
 * 429, a connection that was never made, and an error the gateway documents as "nothing sent" are
 * tried again. Each gateway's test class extends this one.
 */
public abstract class SmsExactlyOnceAcceptance {
    /** The lead's phone. */
    protected static final String PHONE = GatewayHarness.RECIPIENT;
    /** The step's retries (the default). */
    protected static final int STEP_MAX_RETRIES = 2;
    /** The engine's first backoff, doubled per try. */
    protected static final Duration RETRY_BACKOFF = Duration.ofMinutes(1);
    /** Never reached on loopback unless the stub holds its answer on purpose. */
    protected static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Transport retries: they apply only to 429 and connections never made (SMS sends are UNSAFE). */
    protected static final int HTTP_RETRIES = 2;
    /** The transport's total timeout: the provider's maxSendTime. */
    private static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than {@link #TOTAL_TIMEOUT}, as the engine builder requires. */
    private static final Duration DISPATCH_TIMEOUT = Duration.ofSeconds(15);
    /**
     * Fires on purpose in the stall scenario, where the stub holds its answer on a latch until
     * teardown; long enough for the request to reach the stub on a busy machine.
     */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(1);

    /** The stub gateway; closing it after each test releases the answers it holds. */
    @RegisterExtension
    protected final GatewayHarness gateway = new GatewayHarness();

    /** The engine clock. */
    protected final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final List<ContactAttempt> reportedUnknown = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> teardown = new CopyOnWriteArrayList<>();
    /** The engine, once {@link #start} ran. */
    protected RetentionEngine engine;
    private String leadId;

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

    /**
     * One throwaway exchange through the JDK client and server classes, so that class loading on a
     * cold JVM does not eat the stall scenario's request timeout before the request reaches the stub.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        try (StubGateway warm = StubGateway.start(Reply.json(200, "{}"))) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(warm.baseUri().resolve("/warm-up"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @AfterEach
    void closeReservedPorts() throws Exception {
        for (AutoCloseable c : teardown) {
            c.close();
        }
    }

    // --- a. the gateway sends but answers after the request timeout -----------------------------

    @Test
    void aStalledAnswerIsNeverSentAgainAndEndsUnknown() throws Exception {
        StubGateway stub = gateway.start(accepted().heldUntilClose());
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
        StubGateway stub = gateway.start(Reply.json(502, serverErrorBody()), accepted());
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        TickResult first = engine.tick();
        tickEveryFewHours();

        assertThat(first.unknown()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);
        assertEndedUnknown();
        assertThat(attempt().error()).hasValueSatisfying(e -> assertThat(e).startsWith(providerName() + ": HTTP 502"));
    }

    // --- c. 2xx with a garbage body -------------------------------------------------------------

    @Test
    void a2xxWithAnUnreadableBodyIsSentOnce() throws Exception {
        StubGateway stub = gateway.start(Reply.json(200, "<html>queued</html>"));
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
        StubGateway stub = gateway.start(Reply.json(429, "{}").withHeader("Retry-After", "120"), accepted());
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
        assertSameMessage(stub.requests());
        assertThat(attempt().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(attempt().providerRef()).contains(acceptedMessageId());
        assertThat(attempt().tryNumber()).isEqualTo(2);
    }

    @Test
    void a429IsRetriedByTheTransportAfterItsRetryAfterWithinOneTick() throws Exception {
        StubGateway stub = gateway.start(Reply.json(429, "{}").withHeader("Retry-After", "1"), accepted());
        start(stub.baseUri(), http(REQUEST_TIMEOUT, HTTP_RETRIES));

        TickResult first = engine.tick();
        tickEveryFewHours();

        assertThat(first.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 2)).hasSize(2);
        assertSameMessage(stub.requests());
        assertThat(attempt().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(attempt().providerRef()).contains(acceptedMessageId());
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
        StubGateway stub = gateway.startOn(port, accepted());
        engine.tick();
        assertThat(stub.requests()).isEmpty();
        TickResult second = tickAfter(RETRY_BACKOFF);
        tickEveryFewHours();

        assertThat(second.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(stub, 1)).hasSize(1);
        assertThat(attempt().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(attempt().providerRef()).contains(acceptedMessageId());
    }

    // --- fixture --------------------------------------------------------------------------------

    /** 1 s to connect, {@code requestTimeout} per request, 10 s in total, {@code retries} retries 5 ms → 2 s apart. */
    protected ProviderHttp http(Duration requestTimeout, int retries) {
        return ProviderHttp.builder(providerName() + "-acceptance").connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(requestTimeout).totalTimeout(TOTAL_TIMEOUT).maxRetries(retries)
                .initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofSeconds(2)).clock(clock).build();
    }

    /** The engine with the gateway as its SMS channel, one campaign, a one-step sequence and one lead. */
    protected void start(URI stubRoot, ProviderHttp http) {
        engine = RetentionEngine.builder().store(new InMemoryRetentionStore()).clock(clock)
                .channel(provider(stubRoot, http, clock))
                .dispatchTimeout(DISPATCH_TIMEOUT).retryBackoff(RETRY_BACKOFF).randomSeed(7)
                .listener(new EngineListener() {
                    @Override
                    public void attemptOutcomeUnknown(ContactAttempt attempt) {
                        reportedUnknown.add(attempt);
                    }
                })
                .build();
        Campaign campaign = engine.campaigns().create(NewCampaign.builder("spring bonus").build());
        engine.scripts().create(NewScript.builder(Channel.SMS, "bonus sms",
                "Hi {{firstName|there}}, your spring bonus waits. Reply STOP to opt out").build());
        RetentionSequence sequence = engine.sequences().create(NewSequence.builder("one sms").campaign(campaign.id())
                .step(new SequenceStep(1, Channel.SMS, 0, DelayUnit.MINUTES, Optional.empty(), Set.of(),
                        STEP_MAX_RETRIES))
                .build());
        engine.sequences().activate(sequence.id());
        leadId = engine.leads().ingest(NewLead.builder(LeadSource.API).phone(PHONE).firstName("Maria").build())
                .lead().id();
    }

    /** Moves the engine clock by {@code step}, then ticks. */
    protected TickResult tickAfter(Duration step) {
        clock.advance(step);
        return engine.tick();
    }

    /** Five more ticks, six hours apart: nothing may go out any more. */
    protected void tickEveryFewHours() {
        for (int i = 0; i < 5; i++) {
            tickAfter(Duration.ofHours(6));
        }
    }

    /**
     * The stub's requests once it has recorded {@code expected} of them (waiting at most 10 s for a
     * request still on its way to the handler), so that the count asserted is the final one.
     */
    protected static List<Recorded> requestsOnceAtLeast(StubGateway stub, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stub.requests().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return stub.requests();
    }

    /** The lead's only attempt. */
    protected ContactAttempt attempt() {
        List<ContactAttempt> attempts = engine.store().attemptsOfLead(leadId);
        assertThat(attempts).hasSize(1);
        return attempts.get(0);
    }

    /** Every request carries the same message to the same phone. */
    protected void assertSameMessage(List<Recorded> requests) {
        assertThat(requests).extracting(Recorded::body).containsOnly(requests.get(0).body());
        assertThat(requests.get(0).body()).contains(PHONE.substring(1)).contains("your spring bonus waits");
    }

    /** The attempt waits for an operator: reported to the listener, listed, counted. */
    protected void assertEndedUnknown() {
        ContactAttempt end = attempt();
        assertThat(end.status()).isEqualTo(AttemptStatus.UNKNOWN);
        assertThat(end.tryNumber()).isEqualTo(1);
        assertThat(end.provider()).contains(providerName());
        assertThat(reportedUnknown).extracting(ContactAttempt::id).containsExactly(end.id());
        assertThat(engine.attempts().unknown(PageRequest.first(10)).items()).extracting(ContactAttempt::id)
                .containsExactly(end.id());
        assertThat(engine.stats().unknownAttempts()).isEqualTo(1);
    }

    private Socket reservePort() throws Exception {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        teardown.add(socket);
        return socket;
    }
}
