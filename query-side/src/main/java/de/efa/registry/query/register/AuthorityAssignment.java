package de.efa.registry.query.register;

import org.bson.Document;

import java.util.List;

/** An authority named for an adoption from {@code effectiveFrom} (ISO date) on, until the next one's day. */
public record AuthorityAssignment(String authorityId, String effectiveFrom) {

    /** The assignments an adoption's document keeps ({@code au}), in the order of their days. */
    static List<AuthorityAssignment> of(Document adoption) {
        return adoption.getList("au", Document.class, List.of()).stream()
                .map(a -> new AuthorityAssignment(a.getString("a"), a.getString("f"))).toList();
    }

    /** The authority responsible on {@code day} (ISO date): the last one named from that day or before; null if none. */
    public static String responsibleOn(List<AuthorityAssignment> assignments, String day) {
        String responsible = null;
        for (AuthorityAssignment assignment : assignments) {
            if (assignment.effectiveFrom().compareTo(day) <= 0) {
                responsible = assignment.authorityId();
            }
        }
        return responsible;
    }
}
