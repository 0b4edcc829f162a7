package de.efa.registry.query.region;

import de.efa.registry.kernel.region.RegionLevel;
import org.bson.Document;

/**
 * A region at any level as the register lists it.
 *
 * @param parent      the ARS of the region above; null for a state
 * @param dissolvedOn the Gebietsstand of the directory that no longer lists it; null while it exists
 */
public record Region(String ars, String name, RegionLevel level, String parent, long population, int municipalities,
                     String dissolvedOn) {

    /** Maps a stored document; a document of a municipality whose dissolution arrived before its record is none. */
    static Region of(Document stored) {
        String level = stored.getString("l");
        if (level == null) {
            return null;
        }
        return new Region(stored.getString("a"), stored.getString("n"), RegionLevel.valueOf(level),
                stored.getString("pa"), ((Number) stored.get("po")).longValue(), ((Number) stored.get("m")).intValue(),
                stored.getString("x"));
    }

    /** The state's code: the first two digits of the ARS. */
    public String state() {
        return ars.substring(0, 2);
    }

    public boolean isDissolved() {
        return dissolvedOn != null;
    }
}
