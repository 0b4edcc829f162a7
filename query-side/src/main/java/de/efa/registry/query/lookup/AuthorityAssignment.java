package de.efa.registry.query.lookup;

/**
 * An authority named for an adoption from {@code validFrom} (ISO date) on, until a later naming's day. Stored as one
 * string {@code "<adoptionId> <authorityId> <from>"} like {@link Interval}, for the same reason (none holds a blank).
 */
record AuthorityAssignment(String adoptionId, String authorityId, String validFrom) {

    static AuthorityAssignment parse(String text) {
        int first = text.indexOf(' ');
        int second = text.indexOf(' ', first + 1);
        if (first < 0 || second < 0) {
            throw new IllegalStateException("not an authority assignment: " + text);
        }
        return new AuthorityAssignment(text.substring(0, first), text.substring(first + 1, second),
                text.substring(second + 1));
    }

    String stored() {
        return adoptionId + ' ' + authorityId + ' ' + validFrom;
    }
}
