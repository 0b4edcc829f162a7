package de.efa.registry.kernel.cooperation;

/** PENDING until every founding state has signed; ACTIVE from then on: only an ACTIVE cooperation has members. */
public enum CooperationStatus {
    PENDING,
    ACTIVE
}
