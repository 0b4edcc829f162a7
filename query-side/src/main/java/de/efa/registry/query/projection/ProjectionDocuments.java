package de.efa.registry.query.projection;

import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.Collection;
import java.util.List;

/**
 * Where a document projection reads and writes its documents, by logical collection name: one version's collections
 * in the store ({@link ProjectionStore}), or memory in a unit test of a projection's handlers.
 */
public interface ProjectionDocuments {

    /** The documents with these {@code _id}s; missing ones are simply not returned. */
    Iterable<Document> find(String collection, Collection<String> ids);

    /** Writes a batch's replacements or updates of one collection. */
    void write(String collection, List<WriteModel<Document>> writes);
}
