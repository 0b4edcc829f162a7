package de.efa.registry.kernel.reuse;

/**
 * PROPOSED by one side until the other countersigns; SIGNED from then on; TERMINATED once either side has given notice
 * (it stays valid until the day it ends).
 */
public enum AgreementStatus {
    PROPOSED,
    SIGNED,
    TERMINATED
}
