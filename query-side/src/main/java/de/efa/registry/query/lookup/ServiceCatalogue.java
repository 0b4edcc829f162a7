package de.efa.registry.query.lookup;

import com.mongodb.client.MongoCollection;
import de.efa.registry.query.projection.ProjectionStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lookup's service documents, held in memory per version of the projection. Once recorded, a service's LeiKa
 * key, name and provider and a version's maturity never change; so an entry is never stale, it can only lack what was
 * recorded after it was read: a service registered or a version published later — by this instance's processor or
 * by another instance's, which this one cannot watch. Such a miss is fetched from the store with one {@code $in}.
 * A rebuilt version starts with a fresh cache, since its collections are other ones.
 */
@Component
class ServiceCatalogue {

    private static final int MAX_ENTRIES = 100_000;

    /** The projection version the cache holds facts of, and the facts: replaced whole when another version serves. */
    private volatile Cache cache = new Cache("", new ConcurrentHashMap<>());

    /** The facts of the services these intervals need, as far as the store holds them. */
    Map<String, ServiceFacts> services(ProjectionStore store, List<Interval> needed) {
        Cache current = cache;
        String collectionName = store.collectionName(LookupProjection.SERVICES);
        if (!current.collection.equals(collectionName)) {
            // another version took over (or this is the first read): the old version's facts are of no more use
            current = new Cache(collectionName, new ConcurrentHashMap<>());
            cache = current;
        }
        Map<String, ServiceFacts> result = new HashMap<>();
        List<String> missing = null;
        for (Interval interval : needed) {
            ServiceFacts facts = current.facts.get(interval.serviceId());
            if (facts != null && facts.knows(interval.version())) {
                result.put(interval.serviceId(), facts);
            } else {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                if (!missing.contains(interval.serviceId())) {
                    missing.add(interval.serviceId());
                }
            }
        }
        if (missing != null) {
            if (current.facts.size() > MAX_ENTRIES) {
                current.facts.clear();
            }
            MongoCollection<Document> collection = store.collection(LookupProjection.SERVICES);
            for (Document stored : collection.find(new Document("_id", new Document("$in", missing)))) {
                ServiceFacts facts = ServiceFacts.of(stored);
                current.facts.put(facts.serviceId(), facts);
                result.put(facts.serviceId(), facts);
            }
        }
        return result;
    }

    private record Cache(String collection, Map<String, ServiceFacts> facts) {
    }
}
