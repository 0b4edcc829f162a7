package de.efa.registry.kernel.common;

/** Keys of the metadata every stored event carries, so auditors can ask who caused what and why. */
public final class RegistryMetaData {

    public static final String PRINCIPAL = "principal";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String HASH = "hash";
    public static final String PREVIOUS_HASH = "previousHash";

    /** The principal of events that processes (not people) cause, e.g. the retirement migration. */
    public static final String SYSTEM_PRINCIPAL = "system";

    private RegistryMetaData() {
    }
}
