package de.efa.registry.eventstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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

    private final Cache<String, Last> last;

    RecentHashes(int capacity) {
        this.last = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    /** @return the hash of {@code aggregateId}'s event {@code sequence}, or null if not known here */
    String hashOf(String aggregateId, long sequence) {
        Last entry = last.getIfPresent(aggregateId);
        return entry != null && entry.sequence == sequence ? entry.hash : null;
    }

    void stored(String aggregateId, long sequence, String hash) {
        // atomically per aggregate: a later event's hash is never replaced by an earlier one's
        last.asMap().merge(aggregateId, new Last(sequence, hash),
                (kept, offered) -> kept.sequence < offered.sequence ? offered : kept);
    }
}
