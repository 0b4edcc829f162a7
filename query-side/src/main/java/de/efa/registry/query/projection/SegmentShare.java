package de.efa.registry.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import de.efa.registry.platform.store.TokenStoreProperties;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Date;

/**
 * Fair shares of the segments. Axon's pooled processor claims every unclaimed segment it finds and never gives one
 * up by itself, so the instance that starts first would hold all segments and a second one would only stand by.
 * Each instance therefore announces itself in {@code projection_instances} (one small document, refreshed while it
 * runs, removed when it stops) and releases, through Axon's own {@code releaseSegment}, the segments it holds above
 * its share {@code ceil(segments / live instances)}; the others claim them in their next claim interval. Which
 * segment runs where is still decided by the token store's claims alone; this only tells a busy instance to let go.
 */
@Component
public class SegmentShare {

    static final String COLLECTION = "projection_instances";

    private final MongoCollection<Document> instances;
    private final String nodeId;
    private final Duration claimTimeout;

    public SegmentShare(MongoDatabase registryDatabase,
                        TokenStoreProperties tokenStore) {
        this.instances = registryDatabase.getCollection(COLLECTION);
        this.nodeId = tokenStore.nodeId().isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : tokenStore.nodeId();
        this.claimTimeout = tokenStore.claimTimeout();
    }

    /** Announces this instance and counts the live ones (those heard of within a claim timeout), at least one. */
    int liveInstances() {
        long now = System.currentTimeMillis();
        instances.replaceOne(new Document("_id", nodeId), new Document("_id", nodeId).append("seen", new Date(now)),
                new ReplaceOptions().upsert(true));
        int live = 0;
        // a handful of documents: reading them all is cheaper than any index
        for (Document instance : instances.find()) {
            Date seen = instance.getDate("seen");
            if (seen != null && now - seen.getTime() <= claimTimeout.toMillis()) {
                live++;
            }
        }
        return Math.max(1, live);
    }

    /** Releases the segments this instance holds above its share, for a few claim intervals. */
    void balance(ProjectionProcessor processor, int segments, int liveInstances, Duration claimInterval) {
        int share = (segments + liveInstances - 1) / liveInstances;
        int excess = processor.processing().size() - share;
        if (excess > 0) {
            processor.release(excess, claimInterval.multipliedBy(5));
        }
    }

    /** This instance stops: the others' shares grow at once. */
    void leave() {
        instances.deleteOne(new Document("_id", nodeId));
    }
}
