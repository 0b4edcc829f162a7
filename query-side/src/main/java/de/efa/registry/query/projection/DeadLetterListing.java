package de.efa.registry.query.projection;

import java.util.List;

/** The dead letters of a projection's serving version and of a running rebuild, as an ADMIN sees them. */
record DeadLetterListing(String name, List<DeadLetter> items, int total) {
}
