package de.efa.registry.query.lookup;

import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the lookup shows of a service: its LeiKa key, name, provider, and the maturity of each published version — as
 * the lookup's service document holds them, read once into a form that needs no walking of BSON per request.
 */
record ServiceFacts(String serviceId, String leikaKey, String name, String providingState,
                    Map<String, Integer> maturityByVersion) {

    static ServiceFacts of(Document stored) {
        Map<String, Integer> maturities = new HashMap<>();
        if (stored.get("vs") instanceof List<?> versions) {
            for (Object v : versions) {
                Document version = (Document) v;
                maturities.put(version.getString("v"), version.getInteger("l"));
            }
        }
        return new ServiceFacts(stored.getString("_id"), stored.getString("k"), stored.getString("n"),
                stored.getString("ps"), Map.copyOf(maturities));
    }

    boolean knows(String version) {
        return maturityByVersion.containsKey(version);
    }

    Integer maturity(String version) {
        return maturityByVersion.get(version);
    }
}
