package de.efa.registry.query.lookup;

import org.bson.Document;

import java.time.LocalDate;

/**
 * One version of one service serving a municipality from {@code validFrom} up to (excluding) {@code validTo}; dates
 * in ISO form ({@code YYYY-MM-DD}), {@code validTo} null while open.
 * <p>
 * Stored as one string {@code "<adoptionId> <serviceId> <version> <from>[ <to>]"} (ids are UUIDs, versions
 * {@code MAJOR.MINOR.PATCH}: none holds a blank). A lookup reads a municipality's every interval — about ninety with a
 * million adoptions — and the embedded server encodes, the driver decodes and the reader walks each BSON element:
 * one string per interval instead of a sub-document of five fields makes that several times cheaper. Documents
 * written before this form hold sub-documents {@code {a, s, v, f, t}}; they are read as well, and rewritten in the
 * new form when an adoption event of the municipality next changes them.
 */
record Interval(String adoptionId, String serviceId, String version, String validFrom, String validTo) {

    private static final char SEPARATOR = ' ';

    /** An interval as stored: the string form, or the sub-document of older documents. */
    static Interval of(Object stored) {
        if (stored instanceof String text) {
            return parse(text);
        }
        Document document = (Document) stored;
        return new Interval(document.getString("a"), document.getString("s"), document.getString("v"),
                document.getString("f"), document.getString("t"));
    }

    static Interval parse(String text) {
        int first = text.indexOf(SEPARATOR);
        int second = text.indexOf(SEPARATOR, first + 1);
        int third = text.indexOf(SEPARATOR, second + 1);
        int fourth = text.indexOf(SEPARATOR, third + 1);
        if (first < 0 || second < 0 || third < 0) {
            throw new IllegalStateException("not a lookup interval: " + text);
        }
        return new Interval(text.substring(0, first), text.substring(first + 1, second),
                text.substring(second + 1, third), text.substring(third + 1, fourth < 0 ? text.length() : fourth),
                fourth < 0 ? null : text.substring(fourth + 1));
    }

    String stored() {
        String open = adoptionId + SEPARATOR + serviceId + SEPARATOR + version + SEPARATOR + validFrom;
        return validTo == null ? open : open + SEPARATOR + validTo;
    }

    boolean isOpen() {
        return validTo == null;
    }

    Interval closedOn(String day) {
        // an interval never ends before it starts
        return new Interval(adoptionId, serviceId, version, validFrom, before(day, validFrom) ? validFrom : day);
    }

    /** Whether the interval serves on {@code day} (ISO form). */
    boolean contains(String day) {
        return !before(day, validFrom) && (validTo == null || before(day, validTo));
    }

    /**
     * ISO dates of four-digit years order as text; anything else ({@code +10000-01-01}, {@code -0001-01-01}) is
     * compared as a date.
     */
    static boolean before(String day, String other) {
        if (day.length() == 10 && other.length() == 10 && day.charAt(0) != '+' && day.charAt(0) != '-'
                && other.charAt(0) != '+' && other.charAt(0) != '-') {
            return day.compareTo(other) < 0;
        }
        return LocalDate.parse(day).isBefore(LocalDate.parse(other));
    }
}
