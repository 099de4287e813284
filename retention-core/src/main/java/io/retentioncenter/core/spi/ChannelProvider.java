package io.retentioncenter.core.spi;

import io.retentioncenter.core.contact.Channel;
import java.util.concurrent.CompletionStage;

/**
 * Sends messages or calls on one channel. Implementations are thread-safe; the engine calls
 * {@link #send} from several threads, bounded by its dispatch concurrency.
 */
public interface ChannelProvider {
    /** The channel this provider serves. */
    Channel channel();

    /** A short name stored on attempts, e.g. {@code instantly}. */
    String name();

    /**
     * Sends one message. The stage completes with a {@link SendResult}; it completes exceptionally
     * only for programming errors, which the engine records as retryable failures.
     */
    CompletionStage<SendResult> send(OutboundMessage message);

    /**
     * Whether sending twice with the same {@link OutboundMessage#idempotencyKey()} is safe (the
     * provider dedupes). Only then does the engine re-send an attempt whose outcome was lost in a
     * crash; otherwise such an attempt is marked UNKNOWN. Default: false.
     */
    default boolean idempotentSends() {
        return false;
    }
}
