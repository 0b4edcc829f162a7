package de.efa.registry.query.audit;

import java.util.List;

/** The outcome of recomputing every aggregate's hash chain; {@code ok} when nothing was found. */
record IntegrityReport(boolean ok, long eventsChecked, long aggregatesChecked, List<ChainViolation> violations) {
}
