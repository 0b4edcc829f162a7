package de.efa.registry.query.fitconnect;

import de.efa.registry.query.register.Municipality;

/**
 * The area a routing request names, as the municipalities it covers: an AGS or ARS of any level is a prefix of the
 * keys of its municipalities (state 2 digits, government region 3, district 5, association 9 (ARS only), municipality
 * 8 (AGS) or 12 (ARS)).
 * <p>
 * An {@code areaId} is the twelve-digit ARS of a region as {@code /areas} answers it, padded with zeros below its level
 * (a district {@code 160610000000}, an association {@code 010515175000}); the zero groups at the end of the key's
 * parts are cut off to get the prefix: municipality numbers are never {@code 000}, associations never {@code 0000}
 * except for a town outside any association, whose own ARS then equals its district's padded key and covers the same
 * single municipality.
 */
record AreaKey(String parameter, String value, boolean byArs, String prefix) {

    static AreaKey ofAgs(String ags) {
        return new AreaKey("ags", ags, false, ags);
    }

    static AreaKey ofArs(String ars) {
        return new AreaKey("ars", ars, true, ars);
    }

    static AreaKey ofAreaId(String areaId) {
        return new AreaKey("areaId", areaId, true, areaId.length() == 12 ? regionPrefix(areaId) : areaId);
    }

    boolean covers(Municipality municipality) {
        String key = byArs ? municipality.ars() : municipality.ags();
        return key != null && key.startsWith(prefix);
    }

    /** The two-digit state the area lies in. */
    String state() {
        return prefix.substring(0, 2);
    }

    private static String regionPrefix(String ars) {
        String prefix = ars;
        if (prefix.endsWith("000")) {
            prefix = prefix.substring(0, 9);
            if (prefix.endsWith("0000")) {
                prefix = prefix.substring(0, 5);
                if (prefix.endsWith("00")) {
                    prefix = prefix.substring(0, 3);
                    if (prefix.endsWith("0")) {
                        prefix = prefix.substring(0, 2);
                    }
                }
            }
        }
        return prefix;
    }

    @Override
    public String toString() {
        return parameter + " " + value;
    }
}
