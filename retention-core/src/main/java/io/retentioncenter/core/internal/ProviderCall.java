package io.retentioncenter.core.internal;

import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One provider send, run on a dispatch thread so that a {@code send()} that blocks cannot hold the
 * caller, and bounded by the dispatch timeout: at the timeout the provider's stage is cancelled (and
 * the dispatch thread interrupted) and the send counts as unknown; {@link SendDeadlines} keeps the
 * time. {@link #result()} never completes exceptionally. {@link #abort} makes sure a call that has not
 * started never starts.
 */
final class ProviderCall {
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int ABORTED = 2;

    /** How a send ended for the dispatcher. */
    record Result(SendResult sendResult, boolean timedOut, Throwable failure) {
    }

    private final AtomicInteger state = new AtomicInteger(NEW);
    private final CountDownLatch returned = new CountDownLatch(1);
    private final CompletableFuture<SendResult> answer = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<SendResult>> stage = new AtomicReference<>();
    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private final CompletableFuture<Result> result;

    private ProviderCall(SendDeadlines deadlines) {
        this.result = answer.handle((r, e) -> {
            deadlines.forget(this);
            if (e == null) {
                return new Result(r, false, null);
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            boolean timedOut = cause instanceof TimeoutException;
            if (timedOut) {
                cancelProviderWork();
            }
            return new Result(null, timedOut, timedOut ? null : cause);
        });
    }

    /** Starts {@code provider.send(message)} on one of {@code threads}, timed by {@code deadlines}. */
    static ProviderCall start(ChannelProvider provider, OutboundMessage message, ExecutorService threads,
            SendDeadlines deadlines) {
        ProviderCall call = new ProviderCall(deadlines);
        deadlines.watch(call);
        try {
            threads.execute(() -> call.run(provider, message));
        } catch (RuntimeException | Error e) {
            deadlines.forget(call);
            throw e;
        }
        return call;
    }

    /** The outcome: the provider's answer, a timeout, or the provider's failure. */
    CompletableFuture<Result> result() {
        return result;
    }

    /**
     * Abandons the call: one that has not started never starts; one whose {@code send()} is still
     * running is interrupted and waited for up to {@code wait}, and its stage is cancelled.
     */
    void abort(Duration wait) {
        if (state.compareAndSet(NEW, ABORTED)) {
            return;
        }
        cancelProviderWork();
        try {
            returned.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the call as timed out, unless it answered already (called by {@link SendDeadlines}). */
    void expire() {
        answer.completeExceptionally(new TimeoutException());
    }

    @SuppressWarnings("try") // the log context is used for its effect on the MDC
    private void run(ChannelProvider provider, OutboundMessage message) {
        if (!state.compareAndSet(NEW, RUNNING)) {
            return;
        }
        thread.set(Thread.currentThread());
        try (LogContext ids = LogContext.of(Optional.of(message.leadId()), Optional.of(message.attemptId()),
                Optional.empty())) {
            CompletableFuture<SendResult> s = provider.send(message).toCompletableFuture();
            stage.set(s);
            if (answer.isDone()) {
                s.cancel(true);
            }
            s.whenComplete((r, e) -> {
                if (e != null) {
                    answer.completeExceptionally(e);
                } else if (r == null) {
                    answer.completeExceptionally(new IllegalStateException("provider completed with null"));
                } else {
                    answer.complete(r);
                }
            });
        } catch (RuntimeException | Error e) {
            answer.completeExceptionally(e);
        } finally {
            synchronized (this) {
                thread.set(null);
            }
            Thread.interrupted(); // an interrupt meant for this call must not reach the thread's next task
            returned.countDown();
        }
    }

    private void cancelProviderWork() {
        synchronized (this) {
            Thread t = thread.get();
            if (t != null) {
                t.interrupt();
            }
        }
        CompletableFuture<SendResult> s = stage.get();
        if (s != null) {
            s.cancel(true);
        }
    }
}
