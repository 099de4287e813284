package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Kills a store's backend in the middle of a unit of work: a test's {@code blocker} connection holds a
 * lock the store's transaction needs, and once a backend waits for it, that backend is terminated.
 */
final class BlockedBackends {
    private static final String BLOCKED =
            "SELECT pid FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))";
    private static final long GIVE_UP_SECONDS = 30;

    private BlockedBackends() {
    }

    /** Waits until a backend waits for {@code blocker}'s locks, then terminates it; {@code call} must still run. */
    static void terminateOne(Connection blocker, Future<?> call) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(GIVE_UP_SECONDS);
        while (true) {
            assertThat(call.isDone()).as("the store call should wait for the lock").isFalse();
            if (terminateBlocked(blocker, new HashSet<>()) > 0) {
                return;
            }
            assertThat(Instant.now()).as("store backend blocked in time").isBefore(giveUp);
            Thread.sleep(20);
        }
    }

    /**
     * Terminates every backend that waits for {@code blocker}'s locks until {@code call} is done (it
     * gives up after its retries); returns how many were terminated.
     */
    static int terminateUntilDone(Connection blocker, Future<?> call) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(GIVE_UP_SECONDS * 2);
        int terminated = 0;
        Set<Integer> killed = new HashSet<>();
        while (!call.isDone()) {
            terminated += terminateBlocked(blocker, killed);
            assertThat(Instant.now()).as("store call gave up in time").isBefore(giveUp);
            Thread.sleep(20);
        }
        return terminated;
    }

    /** Terminates the backends blocked by {@code blocker} that are not in {@code killed} (and adds them). */
    private static int terminateBlocked(Connection blocker, Set<Integer> killed) throws SQLException {
        int terminated = 0;
        // the blocker is inside its transaction, which would keep seeing its first snapshot of pg_stat_activity
        try (PreparedStatement fresh = blocker.prepareStatement("SELECT pg_stat_clear_snapshot()")) {
            fresh.executeQuery().close();
        }
        try (PreparedStatement blocked = blocker.prepareStatement(BLOCKED); ResultSet rs = blocked.executeQuery()) {
            while (rs.next()) {
                int pid = rs.getInt(1);
                if (!killed.add(pid)) {
                    continue; // still exiting
                }
                try (PreparedStatement kill = blocker.prepareStatement("SELECT pg_terminate_backend(?)")) {
                    kill.setInt(1, pid);
                    kill.executeQuery().close();
                }
                terminated++;
            }
        }
        return terminated;
    }
}
