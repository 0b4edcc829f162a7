package de.efa.registry.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The collections of one version of a projection: {@code <projection>_v<version>_<logical name>}. A rebuild writes a
 * fresh version while readers stay on the active one.
 */
public record ProjectionStore(MongoDatabase database, String projection, int version) implements ProjectionDocuments {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    public String prefix() {
        return projection + "_v" + version;
    }

    public String collectionName(String logical) {
        return prefix() + "_" + logical;
    }

    public MongoCollection<Document> collection(String logical) {
        return database.getCollection(collectionName(logical));
    }

    @Override
    public Iterable<Document> find(String logical, Collection<String> ids) {
        return collection(logical).find(new Document("_id", new Document("$in", new ArrayList<>(ids))));
    }

    /** Unordered: the writes of one batch touch distinct documents, or merge into one update (see DerivedWrites). */
    @Override
    public void write(String logical, List<WriteModel<Document>> writes) {
        collection(logical).bulkWrite(writes, UNORDERED);
    }

    /** Removes every collection of this version, whatever logical names it used. */
    public void drop() {
        String start = prefix() + "_";
        for (String name : database.listCollectionNames()) {
            if (name.startsWith(start)) {
                database.getCollection(name).drop();
            }
        }
    }
}
