package de.efa.registry.query.lookup;

import de.efa.registry.kernel.service.MaturityModel;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the lookup shows of a service: its LeiKa key, name, provider, and the maturity of each published version — as
 * the lookup's service document holds them, read once into a form that needs no walking of BSON per request.
 */
record ServiceFacts(String serviceId, String leikaKey, String name, String providingState,
                    Map<String, Integer> maturityByVersion, Map<String, String> modelByVersion) {

    static ServiceFacts of(Document stored) {
        Map<String, Integer> maturities = new HashMap<>();
        Map<String, String> models = new HashMap<>();
        if (stored.get("vs") instanceof List<?> versions) {
            for (Object v : versions) {
                Document version = (Document) v;
                maturities.put(version.getString("v"), version.getInteger("l"));
                models.put(version.getString("v"), version.get("mm", MaturityModel.FIRST.id()));
            }
        }
        return new ServiceFacts(stored.getString("_id"), stored.getString("k"), stored.getString("n"),
                stored.getString("ps"), Map.copyOf(maturities), Map.copyOf(models));
    }

    /** The maturity model of a version's level; null for a version the catalogue does not know. */
    String maturityModel(String version) {
        return modelByVersion.get(version);
    }

    boolean knows(String version) {
        return maturityByVersion.containsKey(version);
    }

    Integer maturity(String version) {
        return maturityByVersion.get(version);
    }
}
