package de.efa.registry.query.lookup;

import org.bson.Document;

import java.time.LocalDate;

/** One version of one service serving a municipality from {@code validFrom} up to (excluding) {@code validTo}. */
record Interval(String adoptionId, String serviceId, String version, LocalDate validFrom, LocalDate validTo) {

    static Interval of(Document stored) {
        String to = stored.getString("t");
        return new Interval(stored.getString("a"), stored.getString("s"), stored.getString("v"),
                LocalDate.parse(stored.getString("f")), to == null ? null : LocalDate.parse(to));
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}
