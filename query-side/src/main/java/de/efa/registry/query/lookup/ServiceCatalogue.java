package de.efa.registry.query.lookup;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lookup's service documents, cached: once recorded, a service's LeiKa key, name and provider and a version's
 * maturity never change, so an entry is only ever missing (fetched with one {@code $in}), never stale. The cache is
 * per collection, so a rebuilt version starts with its own.
 */
@Component
class ServiceCatalogue {

    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Map<String, Document>> byCollection = new ConcurrentHashMap<>();

    /** The service documents of these ids, as far as they exist; {@code versions} must all be known when cached. */
    Map<String, Document> services(MongoCollection<Document> collection, Collection<Interval> needed) {
        String name = collection.getNamespace().getCollectionName();
        Map<String, Document> cache = byCollection.get(name);
        if (cache == null) {
            // a new version took over: the old version's entries are of no more use
            byCollection.clear();
            cache = byCollection.computeIfAbsent(name, c -> new ConcurrentHashMap<>());
        }
        Map<String, Document> result = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Interval interval : needed) {
            Document service = cache.get(interval.serviceId());
            if (service != null && maturity(service, interval.version()) != null) {
                result.put(interval.serviceId(), service);
            } else if (!missing.contains(interval.serviceId())) {
                missing.add(interval.serviceId());
            }
        }
        if (!missing.isEmpty()) {
            if (cache.size() > MAX_ENTRIES) {
                cache.clear();
            }
            for (Document service : collection.find(new Document("_id", new Document("$in", missing)))) {
                cache.put(service.getString("_id"), service);
                result.put(service.getString("_id"), service);
            }
        }
        return result;
    }

    static Integer maturity(Document service, String version) {
        Object versions = service.get("vs");
        if (versions instanceof List<?> list) {
            for (Object v : list) {
                Document document = (Document) v;
                if (version.equals(document.getString("v"))) {
                    return document.getInteger("l");
                }
            }
        }
        return null;
    }
}
