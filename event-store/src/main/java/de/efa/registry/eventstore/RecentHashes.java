package de.efa.registry.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash of the last event this engine stored per aggregate, so that the next append to a busy aggregate does not
 * read its predecessor back. Only an exact match (same aggregate, the sequence right before) is used: anything else —
 * an event another instance stored, an entry evicted — falls back to reading the predecessor, so a stale entry can
 * never end up in the chain. Only events that were stored for good are remembered (never those of a failed append,
 * which are taken out again).
 */
final class RecentHashes {

    private record Last(long sequence, String hash) {
    }

    private final Map<String, Last> last;

    RecentHashes(int capacity) {
        this.last = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Last> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return the hash of {@code aggregateId}'s event {@code sequence}, or null if not known here */
    synchronized String hashOf(String aggregateId, long sequence) {
        Last entry = last.get(aggregateId);
        return entry != null && entry.sequence == sequence ? entry.hash : null;
    }

    synchronized void stored(String aggregateId, long sequence, String hash) {
        Last entry = last.get(aggregateId);
        if (entry == null || entry.sequence < sequence) {
            last.put(aggregateId, new Last(sequence, hash));
        }
    }
}
