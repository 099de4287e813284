package io.retentioncenter.core.spi;

import io.retentioncenter.core.contact.Channel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Sends messages or calls on one channel. Implementations are thread-safe; the engine calls
 * {@link #send} from its own dispatch threads, bounded by its dispatch concurrency, and waits at most
 * its dispatch timeout for the stage to complete.
 */
public interface ChannelProvider {
    /** The channel this provider serves. */
    Channel channel();

    /** A short name stored on attempts, e.g. {@code instantly}. */
    String name();

    /**
     * Sends one message. The stage completes with a {@link SendResult}. A stage that completes
     * exceptionally, a {@code send} that throws, and a stage still running at the engine's dispatch
     * timeout all count as {@link SendOutcome#UNKNOWN}: the provider may have acted. At the timeout
     * the engine cancels the stage ({@code toCompletableFuture().cancel(true)}); an implementation
     * should then abort its request rather than let it go on in the background.
     */
    CompletionStage<SendResult> send(OutboundMessage message);

    /**
     * Whether sending twice with the same {@link OutboundMessage#idempotencyKey()} is safe because
     * the provider dedupes. Only then does the engine send an attempt again whose outcome is unknown
     * (a timeout, a crash), with the same key, after a backoff, counted against the step's retries;
     * otherwise such an attempt ends UNKNOWN for an operator to resolve. Default: false.
     */
    default boolean idempotentSends() {
        return false;
    }

    /**
     * The longest one {@link #send} can take before its stage completes, retries and waits included,
     * when the provider bounds it. The engine refuses to build with a provider whose bound exceeds
     * its dispatch timeout, because the engine would then give up on sends the provider still
     * retries. Default: empty (unbounded as far as the engine knows; the dispatch timeout applies).
     */
    default Optional<Duration> maxSendTime() {
        return Optional.empty();
    }

    /**
     * Checks the credentials with a cheap, read-only authenticated call ("test connection"), blocking
     * the caller at most the provider's transport timeout. Never sends anything and never throws for
     * an answer or an unreachable provider: those are a {@link ConnectionCheck.Status#FAILED} check.
     * Default: {@link ConnectionCheck.Status#UNSUPPORTED}.
     */
    default ConnectionCheck checkConnection() {
        return ConnectionCheck.unsupported(name());
    }
}
