package de.efa.registry.query.register;

import org.bson.Document;

/** A municipality as the register lists it. */
public record Municipality(String ags, String ars, String name, String state, String districtKey, String districtName,
                           long population, long areaHa, String postalCode, String gebietsstand, String dissolvedOn) {

    /** Maps a stored municipality document (its adoptions left out: readers of the directory never need them). */
    public static Municipality of(Document stored) {
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
}
