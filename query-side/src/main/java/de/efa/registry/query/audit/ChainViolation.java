package de.efa.registry.query.audit;

/** One finding of the integrity check: where in which aggregate's stream, and what is wrong there. */
record ChainViolation(String aggregateId, long sequence, String reason) {
}
