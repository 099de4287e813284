package io.retentioncenter.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.http.ProviderHttp;
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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine loop of the channel modules' exactly-once acceptance tests: an engine on an
 * {@link InMemoryRetentionStore} and a {@link MutableClock}, one campaign, one active one-step sequence
 * and one lead, ticked with the clock moved between ticks. Register with
 * {@code @RegisterExtension final EngineLoop loop = new EngineLoop();}; what {@link #closeAfter} was
 * given is closed after each test.
 */
public final class EngineLoop implements AfterEachCallback {
    /** The step's retries: an attempt is tried at most 1 + this many times by the engine. */
    public static final int STEP_MAX_RETRIES = 2;
    /** The engine's first backoff, doubled per try. */
    public static final Duration RETRY_BACKOFF = Duration.ofMinutes(1);
    /** Never reached on loopback unless the stub holds its answer on purpose. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Fires on purpose in the stall scenarios, where the stub holds its answer until teardown; long
     * enough for the request to reach the stub on a busy machine.
     */
    public static final Duration STALL_TIMEOUT = Duration.ofSeconds(1);
    /** Transport retries. */
    public static final int HTTP_RETRIES = 2;
    /** The transport's total timeout: the provider's maxSendTime. */
    private static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than {@link #TOTAL_TIMEOUT}, as the engine builder requires. */
    private static final Duration DISPATCH_TIMEOUT = Duration.ofSeconds(15);

    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
    private final List<ContactAttempt> reportedUnknown = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> teardown = new CopyOnWriteArrayList<>();
    private RetentionEngine engine;
    private String leadId;

    /**
     * One throwaway exchange with the stub at {@code stubRoot}, so that class loading on a cold JVM
     * does not eat a stall scenario's request timeout before the request reaches the stub.
     */
    public static void warmUp(URI stubRoot) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(stubRoot.resolve("/warm-up"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Closes what {@link #closeAfter} was given; a stub's close releases the answers it holds. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AutoCloseable c : teardown) {
            c.close();
        }
        teardown.clear();
    }

    /** {@code closeable}, closed after this test. */
    public <T extends AutoCloseable> T closeAfter(T closeable) {
        teardown.add(closeable);
        return closeable;
    }

    /** 1 s to connect, {@code requestTimeout} per request, 10 s in total, {@code retries} retries 5 ms → 2 s apart. */
    public ProviderHttp http(String name, Duration requestTimeout, int retries) {
        return ProviderHttp.builder(name).connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(requestTimeout).totalTimeout(TOTAL_TIMEOUT).maxRetries(retries)
                .initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofSeconds(2)).clock(clock).build();
    }

    /**
     * The engine with {@code provider} as its only channel, one campaign, {@code script}, a one-step
     * sequence on the script's channel (due at once, {@link #STEP_MAX_RETRIES} retries) and {@code lead}.
     */
    public RetentionEngine start(ChannelProvider provider, NewScript script, NewLead lead) {
        engine = RetentionEngine.builder().store(new InMemoryRetentionStore()).clock(clock).channel(provider)
                .dispatchTimeout(DISPATCH_TIMEOUT).retryBackoff(RETRY_BACKOFF).randomSeed(7)
                .listener(new EngineListener() {
                    @Override
                    public void attemptOutcomeUnknown(ContactAttempt attempt) {
                        reportedUnknown.add(attempt);
                    }
                })
                .build();
        Campaign campaign = engine.campaigns().create(NewCampaign.builder("spring bonus").build());
        engine.scripts().create(script);
        String sequenceName = "one " + script.channel().name().toLowerCase(Locale.ROOT);
        RetentionSequence sequence = engine.sequences().create(NewSequence.builder(sequenceName).campaign(campaign.id())
                .step(new SequenceStep(1, script.channel(), 0, DelayUnit.MINUTES, Optional.empty(), Set.of(),
                        STEP_MAX_RETRIES))
                .build());
        engine.sequences().activate(sequence.id());
        leadId = engine.leads().ingest(lead).lead().id();
        return engine;
    }

    /** The engine clock. */
    public MutableClock clock() {
        return clock;
    }

    /** The engine, once {@link #start} ran. */
    public RetentionEngine engine() {
        return engine;
    }

    /** The lead's id, once {@link #start} ran. */
    public String leadId() {
        return leadId;
    }

    /** The attempts the engine reported as of unknown outcome. */
    public List<ContactAttempt> reportedUnknown() {
        return reportedUnknown;
    }

    /** One tick, the clock unmoved. */
    public TickResult tick() {
        return engine.tick();
    }

    /** Moves the engine clock by {@code step}, then ticks. */
    public TickResult tickAfter(Duration step) {
        clock.advance(step);
        return engine.tick();
    }

    /** Five more ticks, six hours apart: nothing may go out any more. */
    public void tickEveryFewHours() {
        for (int i = 0; i < 5; i++) {
            tickAfter(Duration.ofHours(6));
        }
    }

    /** One tick, then {@link #tickEveryFewHours}; returns the first tick's result. */
    public TickResult tickOnceThenEveryFewHours() {
        TickResult first = engine.tick();
        tickEveryFewHours();
        return first;
    }

    /** {@link #tickOnceThenEveryFewHours}: the first tick leaves the outcome unknown after exactly one request. */
    public void tickToUnknownAfterOneRequest(Supplier<? extends List<?>> requests) throws InterruptedException {
        TickResult first = tickOnceThenEveryFewHours();
        assertThat(first.unknown()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(requests, 1)).hasSize(1);
    }

    /**
     * Ticks through a 429 with {@code Retry-After: 120} that reached the engine, then
     * {@link #tickEveryFewHours}: one request and a PENDING attempt due in 120 s, nothing more on the
     * same tick nor 1 s early, then exactly one more request that is sent.
     */
    public void tickThroughA120sRetryAfter(Supplier<? extends List<?>> requests) throws InterruptedException {
        TickResult first = engine.tick();
        assertThat(first.retried()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(requests, 1)).hasSize(1);
        assertThat(attempt().status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(attempt().dueAt()).isEqualTo(clock.instant().plusSeconds(120));

        engine.tick();
        tickAfter(Duration.ofSeconds(119));
        assertThat(requestsOnceAtLeast(requests, 1)).hasSize(1);
        TickResult second = tickAfter(Duration.ofSeconds(1));
        tickEveryFewHours();

        assertThat(second.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(requests, 2)).hasSize(2);
    }

    /**
     * After {@link #tickAndAssertRefusedThenPending} and a stub now listening: no request on the same
     * tick, exactly one after {@link #RETRY_BACKOFF} (then {@link #tickEveryFewHours}), SENT with
     * {@code providerRef}.
     */
    public void assertSentOnlyAfterTheBackoff(Supplier<? extends List<?>> requests, String providerRef)
            throws InterruptedException {
        engine.tick();
        assertThat(requests.get()).isEmpty();
        TickResult second = tickAfter(RETRY_BACKOFF);
        tickEveryFewHours();

        assertThat(second.sent()).isEqualTo(1);
        assertThat(requestsOnceAtLeast(requests, 1)).hasSize(1);
        assertSent(providerRef);
    }

    /** The lead's only attempt. */
    public ContactAttempt attempt() {
        List<ContactAttempt> attempts = engine.store().attemptsOfLead(leadId);
        assertThat(attempts).hasSize(1);
        return attempts.get(0);
    }

    /**
     * Ticks once with the provider's port refusing connections: the attempt is PENDING for a second
     * try after {@link #RETRY_BACKOFF}, with a {@code ConnectException} as its error.
     */
    public void tickAndAssertRefusedThenPending() {
        TickResult first = engine.tick();
        assertThat(first.retried()).isEqualTo(1);
        ContactAttempt pending = attempt();
        assertThat(pending.status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(pending.tryNumber()).isEqualTo(2);
        assertThat(pending.dueAt()).isEqualTo(clock.instant().plus(RETRY_BACKOFF));
        assertThat(pending.error()).hasValueSatisfying(e -> assertThat(e).contains("ConnectException"));
    }

    /** The attempt is SENT on its first try with no provider reference, and none was reported unknown. */
    public void assertSentOnceWithoutRef() {
        ContactAttempt sent = attempt();
        assertThat(sent.status()).isEqualTo(AttemptStatus.SENT);
        assertThat(sent.providerRef()).isEmpty();
        assertThat(sent.tryNumber()).isEqualTo(1);
        assertThat(reportedUnknown).isEmpty();
    }

    /** The attempt is SENT with {@code providerRef}. */
    public void assertSent(String providerRef) {
        assertThat(attempt().status()).isEqualTo(AttemptStatus.SENT);
        assertThat(attempt().providerRef()).contains(providerRef);
    }

    /** The attempt is SENT with {@code providerRef} on try {@code tryNumber}. */
    public void assertSent(String providerRef, int tryNumber) {
        assertSent(providerRef);
        assertThat(attempt().tryNumber()).isEqualTo(tryNumber);
    }

    /**
     * The attempt waits for an operator: UNKNOWN with {@code provider}, reported to the listener,
     * listed and counted. Returns it for further checks.
     */
    public ContactAttempt assertEndedUnknown(String provider) {
        ContactAttempt end = attempt();
        assertThat(end.status()).isEqualTo(AttemptStatus.UNKNOWN);
        assertThat(end.provider()).contains(provider);
        assertThat(reportedUnknown).extracting(ContactAttempt::id).containsExactly(end.id());
        assertThat(engine.attempts().unknown(PageRequest.first(10)).items()).extracting(ContactAttempt::id)
                .containsExactly(end.id());
        assertThat(engine.stats().unknownAttempts()).isEqualTo(1);
        return end;
    }

    /**
     * A stub's {@code requests} once it has recorded {@code expected} of them (waiting at most 10 s for
     * a request still on its way to the handler), so that the count asserted is the final one.
     */
    public static <L extends List<?>> L requestsOnceAtLeast(Supplier<L> requests, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (requests.get().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return requests.get();
    }

    /** A free loopback port held without listening: connections to it are refused until it is closed. */
    public Socket reservePort() throws Exception {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return closeAfter(socket);
    }
}
