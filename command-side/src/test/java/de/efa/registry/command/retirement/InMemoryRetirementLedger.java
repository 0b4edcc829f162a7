package de.efa.registry.command.retirement;

import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The process's memory in maps, for tests of its decisions without a store. */
final class InMemoryRetirementLedger implements RetirementLedger {

    private record Running(Ags ags, String version, boolean active) {
    }

    private final Map<String, Retirement> retirements = new HashMap<>();
    private final Set<String> moved = new HashSet<>();
    private final Map<AdoptionId, Running> adoptions = new LinkedHashMap<>();
    private final Map<AdoptionId, ServiceId> services = new HashMap<>();

    @Override
    public void retired(ServiceId serviceId, ServiceVersion version, LocalDate retiredOn, ServiceVersion successor) {
        retirements.put(key(serviceId, version), new Retirement(retiredOn, successor));
    }

    @Override
    public Optional<Retirement> retirementOf(ServiceId serviceId, ServiceVersion version) {
        return Optional.ofNullable(retirements.get(key(serviceId, version)));
    }

    @Override
    public void moved(ServiceId serviceId, ServiceVersion version) {
        moved.add(key(serviceId, version));
    }

    @Override
    public boolean hasMoved(ServiceId serviceId, ServiceVersion version) {
        return moved.contains(key(serviceId, version));
    }

    @Override
    public void runsOn(AdoptionId adoptionId, Ags ags, ServiceId serviceId, ServiceVersion version) {
        adoptions.put(adoptionId, new Running(ags, version.toString(), true));
        services.put(adoptionId, serviceId);
    }

    @Override
    public void stopped(AdoptionId adoptionId) {
        adoptions.computeIfPresent(adoptionId, (id, r) -> new Running(r.ags(), r.version(), false));
    }

    @Override
    public List<RunningAdoption> activeOn(ServiceId serviceId, ServiceVersion version) {
        List<RunningAdoption> running = new ArrayList<>();
        adoptions.forEach((id, r) -> {
            if (r.active() && r.version().equals(version.toString()) && services.get(id).equals(serviceId)) {
                running.add(new RunningAdoption(id, r.ags()));
            }
        });
        return running;
    }

    private static String key(ServiceId serviceId, ServiceVersion version) {
        return serviceId.value() + "/" + version;
    }
}
