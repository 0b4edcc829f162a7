package de.efa.registry.query.register;

import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service as the API shows it, with optional adoption counts. */
final class ServiceView {

    private ServiceView() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Document service, AdoptionCounts counts) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("serviceId", "leikaKey", "name", "providingState", "reuse", "topic", "description")) {
            body.put(field, service.get(field));
        }
        List<Map<String, Object>> versions = new java.util.ArrayList<>();
        for (Document version : (List<Document>) service.get("versions", List.class)) {
            Map<String, Object> v = new LinkedHashMap<>();
            for (String field : List.of("version", "status", "maturityLevel", "releasedOn", "sunsetOn", "retiredOn", "successor")) {
                v.put(field, version.get(field));
            }
            if (counts != null) {
                v.put("adoptions", counts.byVersion().getOrDefault(version.getString("version"), 0L));
            }
            versions.add(v);
        }
        body.put("versions", versions);
        if (counts != null) {
            body.put("adoptions", Map.of("total", counts.total(), "byState", counts.byState()));
        }
        return body;
    }
}
