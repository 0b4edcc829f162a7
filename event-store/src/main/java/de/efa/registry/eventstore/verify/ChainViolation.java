package de.efa.registry.eventstore.verify;

/**
 * One thing wrong with an aggregate's chain in the export.
 *
 * @param line the export line that showed it (1-based)
 */
record ChainViolation(String aggregateId, long sequence, long line, String reason) {

    @Override
    public String toString() {
        return "aggregate " + aggregateId + " sequence " + sequence + " (line " + line + "): " + reason;
    }
}
