package de.efa.registry.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * The collections of one version of a projection: {@code <projection>_v<version>_<logical name>}. A rebuild writes a
 * fresh version while readers stay on the active one.
 */
public record ProjectionStore(MongoDatabase database, String projection, int version) {

    public String prefix() {
        return projection + "_v" + version;
    }

    public String collectionName(String logical) {
        return prefix() + "_" + logical;
    }

    public MongoCollection<Document> collection(String logical) {
        return database.getCollection(collectionName(logical));
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
