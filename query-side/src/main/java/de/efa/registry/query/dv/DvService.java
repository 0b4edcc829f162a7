package de.efa.registry.query.dv;

import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service as the Dashboard data API shows it: its LeiKa key and names, its OZG facts and, per version, the URL, the
 * online status last recorded and whether the version is still current.
 *
 * @param evaluated false when the catalogue facts say the dashboard does not count the service; true until they say so
 */
record DvService(String serviceId, String leikaKey, String name, Integer ozgId, String ozgName, String leikaName,
                 boolean evaluated, Map<String, Version> versions) {

    /**
     * @param onlineStatus {@code ok} or {@code nicht ok} as last recorded, null while never checked
     * @param current      false once the version is deprecated or retired
     */
    record Version(String url, String onlineStatus, boolean current) {
    }

    /** A service document, or null for one whose registration has not arrived (a version published first). */
    static DvService of(Document stored) {
        if (stored.getString("k") == null) {
            return null;
        }
        Map<String, Version> versions = new HashMap<>();
        List<Document> listed = stored.getList("vs", Document.class, List.of());
        for (Document v : listed) {
            versions.put(v.getString("v"), new Version(v.getString("u"), v.getString("os"), v.get("st") == null));
        }
        Object ozgId = stored.get("oz");
        return new DvService(stored.getString("_id"), stored.getString("k"), stored.getString("n"),
                ozgId == null ? null : ((Number) ozgId).intValue(), stored.getString("on"), stored.getString("ln"),
                stored.getBoolean("ev", true), versions);
    }
}
