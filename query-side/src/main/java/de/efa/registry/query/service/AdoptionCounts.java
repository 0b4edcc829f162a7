package de.efa.registry.query.service;

import de.efa.registry.query.municipality.MunicipalityDirectory;
import de.efa.registry.query.register.Municipality;
import de.efa.registry.query.register.ServiceAdoption;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A service's adoptions on one day by their effective dates: live ones (serving on the day) per version and per
 * adopting state, and planned ones (municipalities no adoption serves on the day, one will later) per state, each with
 * the population of their municipalities. An adoption counts under the version it runs on now.
 */
record AdoptionCounts(long total, Map<String, Long> byState, Map<String, Long> byVersion, long population,
                      long planned, Map<String, Long> plannedByState, long populationPlanned) {

    static AdoptionCounts of(Iterable<ServiceAdoption> serviceAdoptions, String day, MunicipalityDirectory.Snapshot directory) {
        long total = 0;
        long population = 0;
        long planned = 0;
        long populationPlanned = 0;
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> byVersion = new TreeMap<>();
        Map<String, Long> plannedByState = new TreeMap<>();
        // a municipality has at most one adoption of a service on any day, but may have one ended or serving and
        // another ahead: it counts as planned only while none serves it, so live and planned never overlap
        Set<String> live = new HashSet<>();
        Map<String, ServiceAdoption> ahead = new HashMap<>();
        for (ServiceAdoption adoption : serviceAdoptions) {
            switch (adoption.phaseOn(day)) {
                case LIVE -> {
                    live.add(adoption.ags());
                    total++;
                    population += population(directory, adoption);
                    byState.merge(adoption.state(), 1L, Long::sum);
                    byVersion.merge(adoption.version(), 1L, Long::sum);
                }
                case PLANNED -> ahead.putIfAbsent(adoption.ags(), adoption);
                default -> { }
            }
        }
        for (ServiceAdoption adoption : ahead.values()) {
            if (!live.contains(adoption.ags())) {
                planned++;
                populationPlanned += population(directory, adoption);
                plannedByState.merge(adoption.state(), 1L, Long::sum);
            }
        }
        return new AdoptionCounts(total, byState, byVersion, population, planned, plannedByState, populationPlanned);
    }

    private static long population(MunicipalityDirectory.Snapshot directory, ServiceAdoption adoption) {
        Municipality municipality = directory.get(adoption.ags());
        return municipality == null ? 0 : municipality.population();
    }
}
