package de.efa.registry.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pointer documents {@code projection_versions/{_id: name, active, layout, building, buildingLayout}}: which
 * version of a projection readers use and the layout it was built in, and which one a rebuild is filling in which
 * layout. Switching is one write to one document, so readers see either the old complete model or the new complete
 * one. Readers cache the pointer briefly; replaced collections outlive that.
 * <p>
 * Pointers written before layouts were recorded have neither layout field: all projections were in layout 1 then.
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
            // a reader does not create the pointer: only the manager knows the layout to record in it
            Document document = pointers.find(id(projection)).first();
            cached = new Cached(document == null ? 1 : document.getInteger("active", 1), now);
            cache.put(projection, cached);
        }
        return new ProjectionStore(database, projection, cached.version);
    }

    /** The projection's pointer; a projection without one yet starts at version 1 in the layout of its code. */
    Pointer pointer(Projection projection) {
        Document document = pointers.find(id(projection.name())).first();
        if (document == null) {
            // instances starting together may both get here: the first insert wins, and both read what it wrote
            document = pointers.findOneAndUpdate(id(projection.name()),
                    new Document("$setOnInsert", new Document("active", 1).append("layout", projection.layout())),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        }
        return new Pointer(document.getInteger("active", 1), document.getInteger("layout", 1),
                document.getInteger("building"), document.getInteger("buildingLayout", 1));
    }

    void building(String projection, int version, int layout) {
        pointers.updateOne(id(projection),
                new Document("$set", new Document("building", version).append("buildingLayout", layout)));
    }

    /**
     * Makes the rebuilt version, built in {@code layout}, the active one, unless another instance already did (or the
     * rebuild was replaced): the switch is conditional on the pointer still naming this version, in this layout, as
     * building. Version and layout move together in that one update, so nobody sees one without the other.
     *
     * @return whether this call made the switch
     */
    boolean activate(String projection, int version, int layout) {
        Document buildingLayout = layout == 1
                // a rebuild started by code from before layouts were recorded has no buildingLayout
                ? new Document("$in", Arrays.asList(1, null))
                : new Document("$eq", layout);
        long switched = pointers.updateOne(id(projection).append("building", version).append("buildingLayout", buildingLayout),
                new Document("$set", new Document("active", version).append("layout", layout).append("building", null))
                        .append("$unset", new Document("buildingLayout", ""))).getModifiedCount();
        cache.remove(projection);
        return switched > 0;
    }

    private static Document id(String projection) {
        return new Document("_id", projection);
    }

    /**
     * @param layout         the layout the active version was built in
     * @param building       the version a rebuild is filling, or null
     * @param buildingLayout the layout that rebuild writes (meaningless while none runs)
     */
    record Pointer(int active, int layout, Integer building, int buildingLayout) {
    }

    private record Cached(int version, long at) {
    }
}
