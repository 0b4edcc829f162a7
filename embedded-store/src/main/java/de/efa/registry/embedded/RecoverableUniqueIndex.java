package de.efa.registry.embedded;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;

/**
 * A unique index in memory that can be refilled from recovered documents cheaply: {@code add} computes a document's
 * keys three times (twice to check, once to store), which made the rebuild on start-up the larger part of a restart.
 */
final class RecoverableUniqueIndex extends MemoryUniqueIndex {

    RecoverableUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    /** Adds the keys of a document the collection already holds, computed once (an index built on recovery or by createIndex). */
    void addRecovered(Document document, Integer position, MongoCollection<Integer> collection) {
        if (isSparse()) {
            add(document, position, collection); // a sparse index skips documents without its keys: let it decide
            return;
        }
        for (KeyValue key : getKeyValues(document)) {
            if (!putKeyPosition(key, position)) {
                throw new DuplicateKeyError(this, collection, getKeys(), key);
            }
        }
    }
}
