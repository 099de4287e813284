package io.retentioncenter.core.testing;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link ChannelProvider} that records every message instead of sending it and answers with a
 * configurable result (accepted by default). Thread-safe; for tests, demos and benchmarks.
 */
public final class RecordingChannelProvider implements ChannelProvider {
    private final Channel channel;
    private final String name;
    private final boolean idempotent;
    private final boolean keepMessages;
    private final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> sendsByKey = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile Function<OutboundMessage, SendResult> responder;

    private RecordingChannelProvider(Channel channel, String name, boolean idempotent, boolean keepMessages) {
        this.channel = channel;
        this.name = name;
        this.idempotent = idempotent;
        this.keepMessages = keepMessages;
        this.responder = m -> SendResult.accepted(name + "-" + m.attemptId());
    }

    /** A recording provider for {@code channel} named {@code recording-<channel>}. */
    public static RecordingChannelProvider of(Channel channel) {
        return new RecordingChannelProvider(channel, "recording-" + channel.name().toLowerCase(java.util.Locale.ROOT),
                false, true);
    }

    /** A recording provider that declares idempotent sends. */
    public static RecordingChannelProvider idempotent(Channel channel) {
        return new RecordingChannelProvider(channel, "recording-" + channel.name().toLowerCase(java.util.Locale.ROOT),
                true, true);
    }

    /** A provider that only counts sends (no message list), for benchmarks with millions of sends. */
    public static RecordingChannelProvider counting(Channel channel) {
        return new RecordingChannelProvider(channel, "noop-" + channel.name().toLowerCase(java.util.Locale.ROOT),
                false, false);
    }

    /** Answers every later send with {@code response(message)}. */
    public RecordingChannelProvider respondWith(Function<OutboundMessage, SendResult> response) {
        this.responder = response;
        return this;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean idempotentSends() {
        return idempotent;
    }

    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        count.incrementAndGet();
        sendsByKey.computeIfAbsent(message.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
        if (keepMessages) {
            sent.add(message);
        }
        return CompletableFuture.completedFuture(responder.apply(message));
    }

    /** Every message sent so far, in order (empty for counting providers). */
    public List<OutboundMessage> sent() {
        return new ArrayList<>(sent);
    }

    /** Number of sends so far. */
    public int count() {
        return count.get();
    }

    /** Number of sends per idempotency key. */
    public Map<String, Integer> sendsPerKey() {
        Map<String, Integer> copy = new java.util.HashMap<>();
        sendsByKey.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Messages sent to attempt ids, counted: more than one for an attempt means a double send. */
    public Map<String, Long> sendsPerAttempt() {
        return sent.stream().collect(java.util.stream.Collectors.groupingBy(OutboundMessage::attemptId,
                java.util.stream.Collectors.counting()));
    }

    /** Forgets everything recorded. */
    public void clear() {
        sent.clear();
        sendsByKey.clear();
        count.set(0);
    }
}
