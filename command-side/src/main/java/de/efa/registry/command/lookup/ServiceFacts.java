package de.efa.registry.command.lookup;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionStatus;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the write side knows about a service when it checks a rule that spans aggregates. {@code releasedOn} holds the
 * release day of each version the lookup recorded one for (facts written before it kept them have none).
 */
public record ServiceFacts(ServiceId serviceId, LeikaKey leikaKey, String name, StateCode providingState, ReuseModel reuse,
                           SortedMap<ServiceVersion, VersionStatus> versions, Map<ServiceVersion, LocalDate> releasedOn) {

    public ServiceFacts {
        versions = new TreeMap<>(versions);
        releasedOn = Map.copyOf(releasedOn);
    }

    public ServiceFacts(ServiceId serviceId, LeikaKey leikaKey, String name, StateCode providingState, ReuseModel reuse,
                        Map<ServiceVersion, VersionStatus> versions) {
        this(serviceId, leikaKey, name, providingState, reuse, new TreeMap<>(versions), Map.of());
    }

    public Optional<VersionStatus> statusOf(ServiceVersion version) {
        return Optional.ofNullable(versions.get(version));
    }

    public Optional<LocalDate> releaseOf(ServiceVersion version) {
        return Optional.ofNullable(releasedOn.get(version));
    }

    public Optional<ServiceVersion> latestActive() {
        return versions.entrySet().stream().filter(e -> e.getValue() == VersionStatus.ACTIVE)
                .map(Map.Entry::getKey).reduce((a, b) -> b);
    }
}
