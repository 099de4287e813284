package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.StoreException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PipelinedScanTest {

    @Test
    void everyRowReachesTheSinkInReadOrderOnTheCallersThread() {
        List<Integer> seen = new ArrayList<>();
        Set<Thread> sinkThreads = new HashSet<>();
        AtomicReference<Thread> readerThread = new AtomicReference<>();

        PipelinedScan.<Integer>run("test-scan", rows -> {
            readerThread.set(Thread.currentThread());
            for (int i = 0; i < 5000; i++) {
                rows.accept(i);
            }
        }, row -> {
            seen.add(row);
            sinkThreads.add(Thread.currentThread());
        });

        assertThat(seen).hasSize(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        assertThat(sinkThreads).containsExactly(Thread.currentThread());
        assertThat(readerThread.get()).isNotEqualTo(Thread.currentThread());
        assertThat(readerThread.get().getName()).isEqualTo("test-scan-reader");
    }

    @Test
    void anEmptyReadEndsAtOnce() {
        List<Integer> seen = new ArrayList<>();

        PipelinedScan.<Integer>run("test-scan", rows -> { }, seen::add);

        assertThat(seen).isEmpty();
    }

    @Test
    void aFailingSinkStopsTheReaderAndItsFailureIsRethrown() {
        AtomicInteger produced = new AtomicInteger();
        AtomicReference<RuntimeException> readerSaw = new AtomicReference<>();
        IllegalStateException sinkFailure = new IllegalStateException("sink broke");

        assertThatThrownBy(() -> PipelinedScan.<Integer>run("test-scan", rows -> {
            try {
                for (int i = 0; i < 10_000_000; i++) {
                    rows.accept(i);
                    produced.incrementAndGet();
                }
            } catch (RuntimeException e) {
                readerSaw.set(e);
                throw e;
            }
        }, row -> {
            throw sinkFailure;
        })).isSameAs(sinkFailure);

        assertThat(readerSaw.get()).isInstanceOf(StoreException.class).hasMessageContaining("stopped");
        assertThat(produced.get()).as("the reader stops within the queue's bound").isLessThan(100_000);
    }

    @Test
    void aFailingReadIsRethrownOnTheCallersThread() {
        List<Integer> seen = new ArrayList<>();
        Consumer<Consumer<Integer>> read = rows -> {
            for (int i = 0; i < 3000; i++) {
                rows.accept(i);
            }
            throw new StoreException("connection lost");
        };

        assertThatThrownBy(() -> PipelinedScan.run("test-scan", read, seen::add))
                .isInstanceOf(StoreException.class).hasMessage("connection lost");
        assertThat(seen).as("only whole batches read before the failure").hasSizeLessThanOrEqualTo(3000);
    }
}
