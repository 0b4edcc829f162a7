package de.efa.registry.query.lookup;

import com.mongodb.client.MongoCollection;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.query.QuerySideTestBase;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.projection.ProjectionStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookup documents kept in memory answer only while nothing newer can be in the store: the projection's writes make
 * them be read again, a read that raced a write is not kept, and documents of a version this instance does not feed
 * are never kept.
 */
class LookupCacheTest extends QuerySideTestBase {

    @Autowired
    LookupCache cache;
    @Autowired
    ActiveVersions versions;

    /**
     * The stored document is changed behind the projection's back (as nothing in the registry does): a kept document
     * keeps answering — the store is not read — until the projection writes the municipality again, and then the
     * answer is the store's, with the new adoption.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aKeptDocumentAnswersUntilTheProjectionWritesTheMunicipalityAgain() {
        history.municipality("16061000", "Eichsfeld", 100_000);
        String wohngeld = history.service("99123456789101", "Wohngeld", "16", ReuseModel.EFA);
        history.publish(wohngeld, "1.0.0", 3, LocalDate.of(2023, 1, 1));
        String hund = history.service("99123456789102", "Hundesteuer", "16", ReuseModel.EFA);
        history.publish(hund, "1.0.0", 2, LocalDate.of(2023, 1, 1));
        history.adopt("16061000", wohngeld, "1.0.0", "16", LocalDate.of(2023, 3, 1));
        long adopted = history.lastPosition();
        assertThat(body("/api/v1/lookup/16061000?asOf=2024-01-01", adopted)).containsEntry("name", "Eichsfeld");

        MongoCollection<Document> stored = versions.active(LookupProjection.NAME).collection(LookupProjection.MUNICIPALITIES);
        stored.updateOne(new Document("_id", "16061000"), new Document("$set", new Document("n", "Eichsfeld (changed in the store)")));
        assertThat(body("/api/v1/lookup/16061000?asOf=2024-01-01", adopted)).containsEntry("name", "Eichsfeld");

        history.adopt("16061000", hund, "1.0.0", "16", LocalDate.of(2023, 6, 1));
        Map<String, Object> after = body("/api/v1/lookup/16061000?asOf=2024-01-01", history.lastPosition());
        assertThat(after).containsEntry("name", "Eichsfeld (changed in the store)");
        assertThat((List<Map<String, Object>>) after.get("services")).extracting(s -> s.get("name"))
                .containsExactly("Wohngeld", "Hundesteuer");
    }

    @Test
    void aDocumentReadWhileTheProjectionWroteItIsNotKept() {
        long recorded = history.municipality("16062000", "Nordhausen", 80_000);
        body("/api/v1/municipalities/16062000", recorded); // the projections have it
        ProjectionStore store = versions.active(LookupProjection.NAME);
        AtomicInteger reads = new AtomicInteger();
        LookupDocument old = new LookupDocument("Nordhausen", "16", List.of());
        Supplier<LookupDocument> readRacingAWrite = () -> {
            reads.incrementAndGet();
            cache.written(List.of("16062000")); // the projection writes while the old document is on its way
            return old;
        };
        cache.document(store, "16062000", readRacingAWrite);
        LookupDocument fresh = new LookupDocument("Nordhausen (fresh)", "16", List.of());
        assertThat(cache.document(store, "16062000", counting(reads, fresh))).isEqualTo(fresh);
        assertThat(reads).hasValue(2);

        // without a write in between, the document read is kept: the next read does not reach the store
        assertThat(cache.document(store, "16062000", counting(reads, old))).isEqualTo(fresh);
        assertThat(reads).hasValue(2);
    }

    @Test
    void documentsOfAVersionThisInstanceDoesNotFeedAreNeverKept() {
        long recorded = history.municipality("16063000", "Sömmerda", 70_000);
        body("/api/v1/municipalities/16063000", recorded);
        ProjectionStore other = new ProjectionStore(versions.active(LookupProjection.NAME).database(), LookupProjection.NAME, 99);
        AtomicInteger reads = new AtomicInteger();
        LookupDocument document = new LookupDocument("Sömmerda", "16", List.of());
        cache.document(other, "16063000", counting(reads, document));
        cache.document(other, "16063000", counting(reads, document));
        assertThat(reads).hasValue(2);
    }

    private static Supplier<LookupDocument> counting(AtomicInteger reads, LookupDocument document) {
        return () -> {
            reads.incrementAndGet();
            return document;
        };
    }
}
