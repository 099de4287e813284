package io.retentioncenter.core.memory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ids grouped by a key (the attempts of a lead, the executions of an enrollment), in no particular
 * order. Most groups hold one id, which is kept as the group itself; a set is made at the second.
 * An emptied group is dropped. Not thread-safe.
 */
final class IdGroups {
    /** Per key a {@code String} (one id) or a {@code Set<String>} (two or more). */
    private final Map<String, Object> groups = new HashMap<>();

    /** Adds {@code id} to the group of {@code key}. */
    @SuppressWarnings("unchecked")
    void add(String key, String id) {
        Object group = groups.putIfAbsent(key, id);
        if (group == null || group.equals(id)) {
            return;
        }
        if (group instanceof String single) {
            Set<String> set = new HashSet<>(4);
            set.add(single);
            set.add(id);
            groups.put(key, set);
        } else {
            ((Set<String>) group).add(id);
        }
    }

    /** Removes {@code id} from the group of {@code key}. */
    @SuppressWarnings("unchecked")
    void remove(String key, String id) {
        Object group = groups.get(key);
        if (group instanceof Set<?> set) {
            set.remove(id);
            if (set.isEmpty()) {
                groups.remove(key);
            }
        } else if (id.equals(group)) {
            groups.remove(key);
        }
    }

    /** The ids of {@code key}'s group, in no particular order; empty when there is none. */
    @SuppressWarnings("unchecked")
    Collection<String> of(String key) {
        Object group = groups.get(key);
        if (group == null) {
            return List.of();
        }
        return group instanceof String single ? List.of(single) : (Set<String>) group;
    }

    /** Whether {@code key} has any id. */
    boolean any(String key) {
        return groups.containsKey(key);
    }
}
