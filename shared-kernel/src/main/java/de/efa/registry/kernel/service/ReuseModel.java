package de.efa.registry.kernel.service;

/** Nachnutzung: whether a service is offered to other states ({@code EFA}) or kept by its provider. */
public enum ReuseModel {
    EFA,
    STATE_ONLY
}
