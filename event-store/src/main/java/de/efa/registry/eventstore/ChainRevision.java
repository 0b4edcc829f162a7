package de.efa.registry.eventstore;

/**
 * Which formula an event's hash was computed with. Stored hashes are never recomputed (that would erase the evidence
 * they are for), so every formula ever used stays verifiable, and each event names its own: new events carry
 * {@link EventDocument#CHAIN_REVISION}, events stored before it existed carry nothing and are {@link #ORIGINAL}.
 * See docs/audit.md for both formulas.
 */
public enum ChainRevision {

    /** predecessor, aggregate, sequence, type, canonical payload, timestamp. */
    ORIGINAL(1),
    /** the original parts, then who did it: principal, correlation id, causation id ({@link Attribution}). */
    WITH_ATTRIBUTION(2);

    /** The revision every new event is hashed with. */
    public static final ChainRevision CURRENT = WITH_ATTRIBUTION;

    private final int number;

    ChainRevision(int number) {
        this.number = number;
    }

    /** The number stored on the event and exported. */
    public int number() {
        return number;
    }

    /**
     * @param stored the revision as stored or exported: null (events from before revisions existed) or a number
     * @throws UnknownChainRevision for anything else — a newer registry's formula, or a tampered field
     */
    public static ChainRevision of(Object stored) {
        if (stored == null) {
            return ORIGINAL;
        }
        if (stored instanceof Integer || stored instanceof Long) {
            long number = ((Number) stored).longValue();
            for (ChainRevision revision : values()) {
                if (revision.number == number) {
                    return revision;
                }
            }
        }
        throw new UnknownChainRevision(stored);
    }

    /** A revision this code has no formula for: such an event cannot be verified here, neither as intact nor as altered. */
    public static final class UnknownChainRevision extends IllegalArgumentException {

        UnknownChainRevision(Object stored) {
            super("unknown chain revision " + stored + " (this verifier knows 1 to " + CURRENT.number + ")");
        }
    }
}
