package io.retentioncenter.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.EngineListener;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendResult;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the engine does with each send outcome: accepted, rejected, unknown, timed out, thrown. */
class DispatchOutcomesTest {

    /** Records the listener calls that matter here. */
    private static final class Events implements EngineListener {
        final List<ContactAttempt> unknown = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();

        @Override
        public void attemptOutcomeUnknown(ContactAttempt attempt) {
            unknown.add(attempt);
        }

        @Override
        public void error(String where, Throwable error) {
            errors.add(where);
        }
    }

    @Test
    void anUnknownOutcomeIsNeverSentAgainByItselfAndWaitsForAnOperator() {
        RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL)
                .respondWith(m -> SendResult.unknown("HTTP 502"));
        Events events = new Events();
        OneStepFixture f = OneStepFixture.with(email, b -> b.listener(events));
        String lead = f.ingest("ana@example.com");

        TickResult first = f.engine.tick();
        assertThat(first.unknown()).isEqualTo(1);
        for (int i = 0; i < 10; i++) {
            f.clock.advance(Duration.ofHours(6));
            f.engine.tick();
        }
        assertThat(email.count()).isEqualTo(1);
        ContactAttempt attempt = f.onlyAttemptOf(lead);
        assertThat(attempt.status()).isEqualTo(AttemptStatus.UNKNOWN);
        assertThat(attempt.error()).contains("HTTP 502");
        assertThat(events.unknown).extracting(ContactAttempt::id).containsExactly(attempt.id());
        assertThat(f.engine.stats().unknownAttempts()).isEqualTo(1);
        assertThat(f.engine.attempts().unknown(PageRequest.first(10)).items()).extracting(ContactAttempt::id)
                .containsExactly(attempt.id());

        ContactAttempt resolved = f.engine.attempts().markSent(attempt.id(), Optional.of("msg-7"));
        assertThat(resolved.status()).isEqualTo(AttemptStatus.SENT);
        assertThat(resolved.providerRef()).contains("msg-7");
        assertThat(f.engine.stats().unknownAttempts()).isZero();
        assertThatThrownBy(() -> f.engine.attempts().markSent(attempt.id(), Optional.empty()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.engine.attempts().resend(attempt.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void anOperatorMaySendAnUnknownAttemptAgainOnPurposeUnderANewKey() {
        AtomicInteger calls = new AtomicInteger();
        RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL)
                .respondWith(m -> calls.incrementAndGet() == 1 ? SendResult.unknown("read timeout")
                        : SendResult.accepted("ok-" + m.attemptId()));
        OneStepFixture f = OneStepFixture.with(email);
        String lead = f.ingest("ana@example.com");
        f.engine.tick();
        ContactAttempt unknown = f.onlyAttemptOf(lead);
        assertThat(unknown.status()).isEqualTo(AttemptStatus.UNKNOWN);

        ContactAttempt reopened = f.engine.attempts().resend(unknown.id());
        assertThat(reopened.status()).isEqualTo(AttemptStatus.PENDING);
        assertThat(reopened.idempotencyKey()).isNotEqualTo(unknown.idempotencyKey());
        f.engine.tick();

        assertThat(email.count()).isEqualTo(2);
        assertThat(email.sent()).extracting(OutboundMessage::idempotencyKey).doesNotHaveDuplicates();
        ContactAttempt sent = f.onlyAttemptOf(lead);
        assertThat(sent.status()).isEqualTo(AttemptStatus.SENT);
        assertThat(sent.tryNumber()).isEqualTo(2);
        assertThatThrownBy(() -> f.engine.attempts().resend("att_missing"))
                .isInstanceOf(io.retentioncenter.core.NotFoundException.class);
    }

    @Test
    void anIdempotentProviderGetsTheSameKeyAgainAfterABackoffCountedAgainstTheRetries() {
        RecordingChannelProvider email = RecordingChannelProvider.idempotent(Channel.EMAIL)
                .respondWith(m -> SendResult.unknown("read timeout"));
        OneStepFixture f = OneStepFixture.with(email);
        String lead = f.ingest("ana@example.com");

        f.engine.tick();
        f.engine.tick(); // same instant: the retry is not due yet
        assertThat(email.count()).isEqualTo(1);
        f.clock.advance(Duration.ofMinutes(1));
        f.engine.tick();
        assertThat(email.count()).isEqualTo(2);
        f.clock.advance(Duration.ofMinutes(2));
        f.engine.tick();
        assertThat(email.count()).as("1 try + maxRetries (2)").isEqualTo(3);
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofHours(1));
            f.engine.tick();
        }
        assertThat(email.count()).isEqualTo(3);
        assertThat(email.sendsPerKey()).hasSize(1);
        ContactAttempt attempt = f.onlyAttemptOf(lead);
        assertThat(attempt.status()).isEqualTo(AttemptStatus.UNKNOWN);
        assertThat(attempt.tryNumber()).isEqualTo(3);
    }

    @Test
    void aTickThatOutlastsTheBackoffDoesNotSendTheSameAttemptTwice() {
        RecordingChannelProvider email = RecordingChannelProvider.idempotent(Channel.EMAIL)
                .respondWith(m -> SendResult.unknown("read timeout"));
        io.retentioncenter.core.testing.MutableClock[] clock = new io.retentioncenter.core.testing.MutableClock[1];
        EngineListener slowTick = new EngineListener() {
            @Override
            public void attemptDispatched(ContactAttempt attempt) {
                clock[0].advance(Duration.ofMinutes(10)); // the tick goes on well past the 1-minute backoff
            }
        };
        OneStepFixture f = OneStepFixture.with(email, b -> b.listener(slowTick));
        clock[0] = f.clock;
        f.ingest("ana@example.com");

        TickResult first = f.engine.tick();

        assertThat(email.count()).isEqualTo(1);
        assertThat(first.retried()).isEqualTo(1);
        f.engine.tick();
        assertThat(email.count()).as("due again at the next tick").isEqualTo(2);
    }

    @Test
    void aRetryableRejectionIsSentAgainUnderANewKeyAndAPermanentOneFails() {
        AtomicInteger calls = new AtomicInteger();
        RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL)
                .respondWith(m -> calls.incrementAndGet() == 1
                        ? SendResult.retryableFailure("429", Optional.of(Duration.ofMinutes(3)))
                        : SendResult.permanentFailure("invalid address"));
        OneStepFixture f = OneStepFixture.with(email);
        String lead = f.ingest("ana@example.com");
        f.engine.tick();
        f.clock.advance(Duration.ofMinutes(2));
        f.engine.tick();
        assertThat(email.count()).as("Retry-After of 3 minutes honoured").isEqualTo(1);
        f.clock.advance(Duration.ofMinutes(1));
        f.engine.tick();
        assertThat(email.count()).isEqualTo(2);
        assertThat(email.sendsPerKey()).hasSize(2);
        assertThat(f.onlyAttemptOf(lead).status()).isEqualTo(AttemptStatus.FAILED);
    }

    @Test
    void aSendThatBlocksIsCancelledAtTheDispatchTimeoutAndCountsAsUnknown() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL).respondWith(m -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
            return SendResult.accepted("too-late");
        });
        OneStepFixture f = OneStepFixture.with(email, b -> b.dispatchTimeout(Duration.ofSeconds(1)));
        List<String> leads = List.of(f.ingest("a@example.com"), f.ingest("b@example.com"), f.ingest("c@example.com"));

        TickResult result = f.engine.tick();

        assertThat(never.getCount()).as("the provider never answered").isEqualTo(1);
        assertThat(result.unknown()).isEqualTo(3);
        for (String lead : leads) {
            assertThat(f.onlyAttemptOf(lead).status()).isEqualTo(AttemptStatus.UNKNOWN);
            assertThat(f.onlyAttemptOf(lead).error()).hasValueSatisfying(e -> assertThat(e).contains("no answer"));
        }
        waitFor(() -> interrupted.get() == 3);
    }

    @Test
    void aStageThatNeverCompletesIsCancelledAtTheDispatchTimeoutTickAfterTick() throws Exception {
        List<CompletableFuture<SendResult>> stages = new CopyOnWriteArrayList<>();
        ChannelProvider silent = new StubProvider(Channel.EMAIL, "silent", Optional.empty(), m -> {
            CompletableFuture<SendResult> stage = new CompletableFuture<>();
            stages.add(stage);
            return stage;
        });
        OneStepFixture f = OneStepFixture.with(silent, b -> b.dispatchTimeout(Duration.ofSeconds(1)));
        for (String address : List.of("a@example.com", "b@example.com")) {
            String lead = f.ingest(address);

            TickResult result = f.engine.tick();

            assertThat(result.unknown()).as("the timeout applies in every tick, not only the first").isEqualTo(1);
            assertThat(f.onlyAttemptOf(lead).status()).isEqualTo(AttemptStatus.UNKNOWN);
            assertThat(f.onlyAttemptOf(lead).error()).hasValueSatisfying(e -> assertThat(e).contains("no answer"));
        }
        assertThat(stages).hasSize(2).allSatisfy(stage -> assertThat(stage).isCancelled());
    }

    /** A provider named {@code name} on {@code channel} that answers with {@code answer}. */
    private record StubProvider(Channel channel, String name, Optional<Duration> maxSendTime,
            Function<OutboundMessage, CompletionStage<SendResult>> answer) implements ChannelProvider {
        @Override
        public CompletionStage<SendResult> send(OutboundMessage message) {
            return answer.apply(message);
        }
    }

    @Test
    void aProviderThatThrowsLeavesTheOutcomeUnknown() {
        RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL).respondWith(m -> {
            throw new IllegalStateException("bug in the adapter");
        });
        Events events = new Events();
        OneStepFixture f = OneStepFixture.with(email, b -> b.listener(events));
        String lead = f.ingest("ana@example.com");
        f.engine.tick();
        f.clock.advance(Duration.ofHours(1));
        f.engine.tick();
        assertThat(email.count()).isEqualTo(1);
        assertThat(f.onlyAttemptOf(lead).status()).isEqualTo(AttemptStatus.UNKNOWN);
        assertThat(events.errors).contains("dispatch");
    }

    @Test
    void anUnreadableAcceptanceIsSentWithoutAReference() {
        RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL)
                .respondWith(m -> SendResult.acceptedWithoutReference("HTTP 200 with an unreadable body"));
        OneStepFixture f = OneStepFixture.with(email);
        String lead = f.ingest("ana@example.com");
        f.engine.tick();
        ContactAttempt attempt = f.onlyAttemptOf(lead);
        assertThat(attempt.status()).isEqualTo(AttemptStatus.SENT);
        assertThat(attempt.providerRef()).isEmpty();
    }

    @Test
    void theBuilderRefusesAProviderThatMayOutlastTheDispatchTimeout() {
        ChannelProvider slow = new StubProvider(Channel.SMS, "slow", Optional.of(Duration.ofSeconds(90)),
                m -> CompletableFuture.completedFuture(SendResult.accepted("x")));
        assertThatThrownBy(() -> RetentionEngine.builder().store(new InMemoryRetentionStore()).channel(slow).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("slow").hasMessageContaining("dispatch timeout");
        RetentionEngine fine = RetentionEngine.builder().store(new InMemoryRetentionStore()).channel(slow)
                .dispatchTimeout(Duration.ofSeconds(120)).dispatchLease(Duration.ofMinutes(5)).build();
        assertThat(fine.settings().dispatchTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(10);
        }
    }
}
