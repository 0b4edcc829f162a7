package de.efa.registry.kernel.service;

/** Lifecycle of a service version: only ever forwards, ACTIVE → DEPRECATED → RETIRED. */
public enum VersionStatus {
    ACTIVE,
    DEPRECATED,
    RETIRED
}
