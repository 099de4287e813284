package io.retentioncenter.core.memory;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Postbacks that matched nothing, once per replay key, oldest first. Not thread-safe. */
final class UnmatchedPostbacks {
    private final Map<String, UnmatchedPostback> byReplayKey = new HashMap<>();
    private final TimeIndex received = new TimeIndex();

    /** Stores {@code postback} unless its replay key is known. */
    void add(UnmatchedPostback postback) {
        if (byReplayKey.putIfAbsent(postback.replayKey(), postback) == null) {
            received.add(postback.receivedAt(), postback.replayKey());
        }
    }

    Optional<UnmatchedPostback> find(String replayKey) {
        return Optional.ofNullable(byReplayKey.get(replayKey));
    }

    /** Replaces a stored postback (same replay key and time). */
    void replace(UnmatchedPostback postback) {
        byReplayKey.put(postback.replayKey(), postback);
    }

    /** Unmatched postbacks, oldest first. */
    Page<UnmatchedPostback> page(PageRequest request) {
        return Pages.of(received.stream().map(key -> byReplayKey.get(key.id())), byReplayKey.size(), request);
    }

    /** Deletes the postbacks received before {@code before}; returns how many. */
    long purgeBefore(Instant before) {
        List<TimeKey> old = received.stream().takeWhile(key -> key.at().isBefore(before)).toList();
        old.forEach(key -> {
            byReplayKey.remove(key.id());
            received.remove(key.at(), key.id());
        });
        return old.size();
    }
}
