package de.efa.registry.embedded;

import java.util.List;

import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;

/** A database of the journaled store; its collections start with what the journal recovered for them. */
final class JournaledDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

    private final Journal journal;

    JournaledDatabase(String databaseName, CursorRegistry cursorRegistry, Journal journal) {
        super(databaseName, cursorRegistry);
        this.journal = journal;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected JournaledCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new JournaledCollection(this, collectionName, options, cursorRegistry, journal,
            journal.recovered().take(databaseName + "." + collectionName));
    }

    /** Indexes live in memory only: they are rebuilt from the documents when a collection is opened. */
    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                     boolean sparse) {
        return new RecoverableUniqueIndex(indexName, keys, sparse);
    }

    @Override
    protected long getStorageSize() {
        return 0;
    }

    @Override
    protected long getFileSize() {
        return 0;
    }
}
