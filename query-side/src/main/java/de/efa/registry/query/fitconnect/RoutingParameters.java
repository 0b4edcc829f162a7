package de.efa.registry.query.fitconnect;

import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.common.ValueObjects;

import java.util.regex.Pattern;

/**
 * The checks the Routing API 2.0.0 puts on its query parameters, each refusal a 400 problem naming the parameter.
 * Parameters arrive as text and are checked here rather than bound to numbers by Spring, so that every refusal says
 * in the API's own terms what was expected.
 */
final class RoutingParameters {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final Pattern LEIKA_KEY = Pattern.compile("99\\d{12}");
    private static final Pattern AGS = Pattern.compile("\\d{2}|\\d{3}|\\d{5}|\\d{8}");
    private static final Pattern ARS = Pattern.compile("\\d{2}|\\d{3}|\\d{5}|\\d{9}|\\d{12}");
    private static final Pattern AREA_ID = Pattern.compile("\\d+");
    /** Longer than any key or number the API knows: what is longer is refused before it is matched. */
    private static final int MAX_KEY = 40;

    private RoutingParameters() {
    }

    /** A federal LeiKa key: the routing service answers only for the federal catalogue's keys. */
    static String leikaKey(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("leikaKey", "leikaKey is required");
        }
        return matching("leikaKey", value, LEIKA_KEY, "99 and twelve digits (a key of the federal LeiKa catalogue)");
    }

    /** Exactly one of ags, ars and areaId selects the area. */
    static AreaKey area(String ags, String ars, String areaId) {
        int given = (ags != null ? 1 : 0) + (ars != null ? 1 : 0) + (areaId != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidValueException(given == 0 ? "ags" : "areaId",
                    "name exactly one of ags, ars and areaId, got " + given);
        }
        if (ags != null) {
            return AreaKey.ofAgs(matching("ags", ags, AGS, "2, 3, 5 or 8 digits"));
        }
        if (ars != null) {
            return AreaKey.ofArs(matching("ars", ars, ARS, "2, 3, 5, 9 or 12 digits"));
        }
        return AreaKey.ofAreaId(matching("areaId", areaId, AREA_ID, "digits, an id that /areas answers"));
    }

    static int offset(String value) {
        if (value == null) {
            return 0;
        }
        int offset = number("offset", value);
        if (offset < 0) {
            throw new InvalidValueException("offset", "offset must not be negative");
        }
        return offset;
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        int limit = number("limit", value);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static int number(String name, String value) {
        if (value.length() > 11 || !value.matches("-?\\d+")) {
            throw new InvalidValueException(name, name + " must be a whole number, got '" + ValueObjects.abbreviate(value) + "'");
        }
        long number = Long.parseLong(value);
        if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw new InvalidValueException(name, name + " is out of range");
        }
        return (int) number;
    }

    private static String matching(String name, String value, Pattern pattern, String expected) {
        if (value.length() > MAX_KEY || !pattern.matcher(value).matches()) {
            throw new InvalidValueException(name, name + " must be " + expected + ", got '"
                    + ValueObjects.abbreviate(value) + "'");
        }
        return value;
    }
}
