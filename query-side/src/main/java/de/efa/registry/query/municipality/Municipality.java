package de.efa.registry.query.municipality;

import de.efa.registry.kernel.municipality.StateCode;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/** A municipality as the register lists it. */
public record Municipality(String ags, String ars, String name, String state, String districtKey, String districtName,
                           long population, long areaHa, String postalCode, String gebietsstand, String dissolvedOn) {

    static Municipality of(Document stored) {
        Document district = stored.get("district", Document.class);
        return new Municipality(stored.getString("ags"), stored.getString("ars"), stored.getString("name"),
                stored.getString("state"), district == null ? null : district.getString("key"),
                district == null ? null : district.getString("name"), number(stored.get("population")),
                number(stored.get("areaHa")), stored.getString("postalCode"), stored.getString("gebietsstand"),
                stored.getString("dissolvedOn"));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public boolean isDissolved() {
        return dissolvedOn != null;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ags", ags);
        body.put("ars", ars);
        body.put("name", name);
        body.put("state", state);
        body.put("stateName", StateCode.of(state).stateName());
        Map<String, Object> district = new LinkedHashMap<>();
        district.put("key", districtKey);
        district.put("name", districtName);
        body.put("district", district);
        body.put("population", population);
        body.put("areaHa", areaHa);
        body.put("postalCode", postalCode);
        body.put("gebietsstand", gebietsstand);
        if (dissolvedOn != null) {
            body.put("dissolvedOn", dissolvedOn);
        }
        return body;
    }
}
