package de.efa.registry.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The collections of the write-side lookup model. Besides {@code _id}, each versioned collection has a unique index
 * on {@code (_id, seq)}: a compare-and-set on the aggregate sequence is then an exact-index equality, which both
 * the embedded server and real MongoDB answer from the index.
 */
@Component
public class WriteLookupCollections {

    public static final String MUNICIPALITIES = "write_municipalities";
    public static final String REGIONS = "write_regions";
    public static final String SERVICES = "write_services";
    public static final String SERVICE_CLAIMS = "write_service_claims";
    public static final String COOPERATIONS = "write_cooperations";
    public static final String AGREEMENTS = "write_agreements";
    public static final String ADOPTIONS = "write_adoptions";
    public static final String AUTHORITIES = "write_authorities";
    public static final String FACT_CHANGES = "write_fact_changes";

    private final MongoDatabase database;

    public WriteLookupCollections(MongoDatabase registryDatabase) {
        this.database = registryDatabase;
        for (String name : new String[]{MUNICIPALITIES, REGIONS, SERVICES, COOPERATIONS, AGREEMENTS, ADOPTIONS, AUTHORITIES}) {
            collection(name).createIndex(Indexes.ascending("_id", VersionedDocuments.SEQ),
                    new IndexOptions().unique(true).name("id_seq_unique"));
        }
        collection(SERVICE_CLAIMS).createIndex(Indexes.ascending("_id", "serviceId"),
                new IndexOptions().unique(true).name("id_service_unique"));
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    public MongoCollection<Document> municipalities() {
        return collection(MUNICIPALITIES);
    }

    public MongoCollection<Document> regions() {
        return collection(REGIONS);
    }

    public MongoCollection<Document> services() {
        return collection(SERVICES);
    }

    public MongoCollection<Document> serviceClaims() {
        return collection(SERVICE_CLAIMS);
    }

    public MongoCollection<Document> cooperations() {
        return collection(COOPERATIONS);
    }

    public MongoCollection<Document> agreements() {
        return collection(AGREEMENTS);
    }

    public MongoCollection<Document> adoptions() {
        return collection(ADOPTIONS);
    }

    public MongoCollection<Document> authorities() {
        return collection(AUTHORITIES);
    }

    public MongoCollection<Document> factChanges() {
        return collection(FACT_CHANGES);
    }
}
