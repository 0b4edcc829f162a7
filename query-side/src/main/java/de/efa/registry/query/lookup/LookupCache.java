package de.efa.registry.query.lookup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Interner;
import de.efa.registry.query.projection.ProjectionManager;
import de.efa.registry.query.projection.ProjectionStore;
import de.efa.registry.query.projection.SegmentClaim;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Municipalities' lookup documents kept in memory between reads, without ever answering with less than the store
 * holds for what the projection has processed — the lookup is the registry's most frequent read, and its documents
 * change only when one of the municipality's own events is projected.
 * <p>
 * A kept document is used only while both of these hold:
 * <ul>
 *   <li>this instance still holds, without a break, the segment that projects the municipality ({@link SegmentClaim}
 *       taken before the read and compared at every use): while it does, no other instance writes the document;</li>
 *   <li>the lookup projection has not written the document here since ({@link #written}, told after every batch's
 *       writes and before the batch's token moves, so a reader waiting for a position never finds the old one).</li>
 * </ul>
 * A read that raced a write is not kept: every write counts in {@link #writes}, and a document is only put if none
 * happened while it was read (checked and put in one step per municipality, as the write's removal is). Documents of
 * segments another instance holds are read from the store every time. The one path no claim sees — dead letters of
 * this instance's segment retried on <em>another</em> instance — is bounded by the documents' maximum age.
 */
@Component
@EnableConfigurationProperties(LookupCacheProperties.class)
public class LookupCache {

    private final ProjectionManager projections;
    private final Cache<String, Kept> kept;
    private final Interner<String> strings = Interner.newWeakInterner();
    private final AtomicLong writes = new AtomicLong();
    private final boolean enabled;

    public LookupCache(@Lazy ProjectionManager projections, LookupCacheProperties properties) {
        long maxIntervals = properties.maxIntervals();
        Duration maxAge = properties.maxAge();
        this.projections = projections;
        this.enabled = maxIntervals > 0 && !maxAge.isZero();
        this.kept = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, maxIntervals))
                .weigher((String ags, Kept k) -> 1 + k.document().size())
                .expireAfterWrite(enabled ? maxAge : Duration.ofSeconds(1))
                .build();
    }

    /** The lookup document of {@code ags} in {@code store}: kept, or read with {@code read} (null: none). */
    LookupDocument document(ProjectionStore store, String ags, Supplier<LookupDocument> read) {
        if (!enabled) {
            return read.get();
        }
        // the claim before the read: a document read after it holds at least what the claim's segment had processed
        Optional<SegmentClaim> claim = projections.claimOf(LookupProjection.NAME, store, ags);
        if (claim.isEmpty()) {
            return read.get();
        }
        Kept found = kept.getIfPresent(ags);
        if (found != null && found.store().equals(store.prefix()) && found.claim().equals(claim.get())) {
            return found.document();
        }
        long writesBefore = writes.get();
        LookupDocument document = read.get();
        if (document != null) {
            Kept fresh = new Kept(store.prefix(), claim.get(), document.sharing(strings::intern));
            kept.asMap().compute(ags, (key, old) -> writes.get() == writesBefore ? fresh : old);
        }
        return document;
    }

    /** The projection wrote (or may have written) these municipalities' documents: they are read afresh. */
    void written(Collection<String> municipalities) {
        writes.incrementAndGet();
        for (String ags : municipalities) {
            kept.asMap().remove(ags);
        }
    }

    private record Kept(String store, SegmentClaim claim, LookupDocument document) {
    }
}
