package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.fact.ExecutionFact;
import io.retentioncenter.core.sequence.ExecutionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * On PostgreSQL the fact scans copy: every row arrives with its times to the millisecond, a sink that
 * fails ends the copy and leaves the store usable, and a range that literals cannot state still
 * scans (through a cursor).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresFactCopyTest {
    private static final int ROWS = 30_000;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private TestDatabase db;
    private JdbiRetentionStore store;

    @BeforeAll
    void load() {
        db = TestDatabase.postgres();
        store = db.newStore();
        db.execute(List.of("INSERT INTO " + db.table("rc_execution") + " (id, enrollment_id, sequence_id, step_order,"
                + " status, executed_at, result) SELECT 'exe_' || g, 'enr_' || g, 'seq_' || (g / 7 % 3), 1 + g % 7,"
                + " CASE WHEN g % 3 = 0 THEN 'SKIPPED' ELSE 'EXECUTED' END,"
                + " TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '1.001 seconds', 'sent'"
                + " FROM generate_series(0, " + (ROWS - 1) + ") g"));
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyRowArrivesWithItsValues() {
        List<ExecutionFact> facts = new ArrayList<>();

        store.scanExecutionFacts(T0, T0.plusSeconds(86_400), facts::add);

        assertThat(facts).hasSize(ROWS);
        ExecutionFact last = facts.stream().filter(f -> f.enrollmentId().equals("enr_" + (ROWS - 1))).findFirst()
                .orElseThrow();
        assertThat(facts.stream().collect(Collectors.groupingBy(ExecutionFact::sequenceId, Collectors.counting())))
                .as("a sequence id repeated in runs, each run read as its own value")
                .isEqualTo(IntStream.range(0, ROWS).boxed().collect(
                        Collectors.groupingBy(g -> "seq_" + (g / 7 % 3), Collectors.counting())));
        assertThat(last).isEqualTo(new ExecutionFact("enr_" + (ROWS - 1), "seq_" + ((ROWS - 1) / 7 % 3),
                1 + (ROWS - 1) % 7,
                (ROWS - 1) % 3 == 0 ? ExecutionStatus.SKIPPED : ExecutionStatus.EXECUTED,
                T0.plusMillis(1_001L * (ROWS - 1))));
    }

    @Test
    void aFailingSinkEndsTheCopyAndTheStoreStaysUsable() {
        int[] seen = new int[1];
        RuntimeException stop = new IllegalStateException("sink gives up");

        assertThatThrownBy(() -> store.scanExecutionFacts(T0, T0.plusSeconds(86_400), f -> {
            if (++seen[0] == 10) {
                throw stop;
            }
        })).isSameAs(stop);

        for (int again = 0; again < 12; again++) {
            long[] count = new long[1];
            store.scanExecutionFacts(T0, T0.plusSeconds(86_400), f -> count[0]++);
            assertThat(count[0]).isEqualTo(ROWS);
        }
    }

    @Test
    void aRangeBeyondWhatLiteralsStateStillScans() {
        long[] count = new long[1];

        store.scanExecutionFacts(Instant.parse("-0500-01-01T00:00:00Z"), Instant.parse("+12000-01-01T00:00:00Z"),
                f -> count[0]++);

        assertThat(count[0]).isEqualTo(ROWS);
    }
}
