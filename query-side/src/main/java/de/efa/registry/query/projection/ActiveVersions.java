package de.efa.registry.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pointer documents {@code projection_versions/{_id: name, active, building}}: which version of a projection
 * readers use, and which one a rebuild is filling. Switching is one write to one document, so readers see either the
 * old complete model or the new complete one. Readers cache the pointer briefly; replaced collections outlive that.
 */
@Component
public class ActiveVersions {

    static final String COLLECTION = "projection_versions";

    private final MongoCollection<Document> pointers;
    private final MongoDatabase database;
    private final long ttlNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ActiveVersions(MongoDatabase registryDatabase, ProjectionSettings settings) {
        this.database = registryDatabase;
        this.pointers = registryDatabase.getCollection(COLLECTION);
        this.ttlNanos = settings.pointerCacheTtl().toNanos();
    }

    /** The store readers of this projection use now. */
    public ProjectionStore active(String projection) {
        long now = System.nanoTime();
        Cached cached = cache.get(projection);
        if (cached == null || now - cached.at > ttlNanos) {
            cached = new Cached(pointer(projection).active(), now);
            cache.put(projection, cached);
        }
        return new ProjectionStore(database, projection, cached.version);
    }

    Pointer pointer(String projection) {
        Document document = pointers.find(new Document("_id", projection)).first();
        if (document == null) {
            pointers.updateOne(new Document("_id", projection), new Document("$setOnInsert", new Document("active", 1)),
                    new UpdateOptions().upsert(true));
            return new Pointer(1, null);
        }
        return new Pointer(document.getInteger("active", 1), document.getInteger("building"));
    }

    void building(String projection, int version) {
        pointers.updateOne(new Document("_id", projection), new Document("$set", new Document("building", version)));
    }

    /**
     * Makes the rebuilt version the active one, unless another instance already did (or the rebuild was replaced):
     * the switch is conditional on the pointer still naming this version as building.
     *
     * @return whether this call made the switch
     */
    boolean activate(String projection, int version) {
        long switched = pointers.updateOne(new Document("_id", projection).append("building", version),
                new Document("$set", new Document("active", version).append("building", null))).getModifiedCount();
        cache.remove(projection);
        return switched > 0;
    }

    record Pointer(int active, Integer building) {
    }

    private record Cached(int version, long at) {
    }
}
