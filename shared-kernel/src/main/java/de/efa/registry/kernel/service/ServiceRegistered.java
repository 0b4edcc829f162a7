package de.efa.registry.kernel.service;

import de.efa.registry.kernel.municipality.StateCode;

/** A providing state registered an online service for a LeiKa key. */
public record ServiceRegistered(ServiceId serviceId, LeikaKey leikaKey, String name, StateCode providingState, ReuseModel reuse, String topic, String description) {
}
