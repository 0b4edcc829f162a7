package de.efa.registry.kernel.adoption;

/** ACTIVE serves citizens; UNSUPPORTED runs on a retired version without successor; ENDED was terminated. */
public enum AdoptionStatus {
    ACTIVE,
    UNSUPPORTED,
    ENDED
}
