package de.efa.registry.embedded;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;

/**
 * mongo-java-server's backend for the standalone registry's own files: documents in memory as BSON, every change in
 * a {@link Journal}. It replaces the H2 backend, which serialised documents with Java serialization and rewrote
 * B-tree pages on every commit (~60 KB on disk per stored event, ~30 adoptions/s).
 */
final class JournaledBackend extends AbstractMongoBackend {

    private static final Logger log = LoggerFactory.getLogger(JournaledBackend.class);

    private final Journal journal;

    JournaledBackend(Journal journal) {
        this.journal = journal;
        // every database the journal holds is opened now, so that a checkpoint sees all its collections
        for (String database : journal.recovered().databaseNames()) {
            resolveDatabase(database);
        }
        List<String> orphans = List.copyOf(journal.recovered().all().keySet());
        if (!orphans.isEmpty()) {
            log.warn("the embedded store holds documents of collections no database lists, dropped: {}", orphans);
            orphans.forEach(journal.recovered()::clear);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new JournaledDatabase(databaseName, getCursorRegistry(), journal);
    }

    @Override
    public void close() {
        super.close();
        journal.close();
    }

    @Override
    public String toString() {
        return "JournaledBackend";
    }
}
