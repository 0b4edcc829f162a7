package de.efa.registry.query.register;

import de.efa.registry.kernel.adoption.AdoptionStatus;
import org.bson.Document;

import java.util.Map;
import java.util.TreeMap;

/** A service's current adoptions (not ended) per version and per adopting state. */
record AdoptionCounts(long total, Map<String, Long> byState, Map<String, Long> byVersion) {

    static AdoptionCounts of(Iterable<Document> serviceAdoptions) {
        long total = 0;
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> byVersion = new TreeMap<>();
        for (Document perDistrict : serviceAdoptions) {
            String state = ServiceAdoptions.stateOf(perDistrict);
            Document adoptions = perDistrict.get("a", Document.class);
            if (adoptions == null) {
                continue;
            }
            for (Object value : adoptions.values()) {
                Document adoption = (Document) value;
                if (AdoptionStatus.ENDED.name().equals(adoption.getString("st"))) {
                    continue;
                }
                total++;
                byState.merge(state, 1L, Long::sum);
                byVersion.merge(adoption.getString("v"), 1L, Long::sum);
            }
        }
        return new AdoptionCounts(total, byState, byVersion);
    }
}
