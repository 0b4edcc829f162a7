package de.efa.registry.platform.web;

/** HTTP headers of the registry's read-your-writes and idempotency contract. */
public final class RegistryHeaders {

    /** On every write: the global position of the last event it stored. */
    public static final String POSITION = "Registry-Position";
    /** On a read: answer only once the projections have processed this position. */
    public static final String MIN_POSITION = "Registry-Min-Position";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private RegistryHeaders() {
    }
}
