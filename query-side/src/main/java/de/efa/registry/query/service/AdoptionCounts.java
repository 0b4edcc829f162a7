package de.efa.registry.query.service;

import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.query.register.ServiceAdoption;

import java.util.Map;
import java.util.TreeMap;

/** A service's current adoptions (not ended) per version and per adopting state. */
record AdoptionCounts(long total, Map<String, Long> byState, Map<String, Long> byVersion) {

    static AdoptionCounts of(Iterable<ServiceAdoption> serviceAdoptions) {
        long total = 0;
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> byVersion = new TreeMap<>();
        for (ServiceAdoption adoption : serviceAdoptions) {
            if (AdoptionStatus.ENDED.name().equals(adoption.status())) {
                continue;
            }
            total++;
            byState.merge(adoption.state(), 1L, Long::sum);
            byVersion.merge(adoption.version(), 1L, Long::sum);
        }
        return new AdoptionCounts(total, byState, byVersion);
    }
}
