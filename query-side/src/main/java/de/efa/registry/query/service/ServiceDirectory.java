package de.efa.registry.query.service;

import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.register.RegisterProjection;
import de.efa.registry.query.register.RegisterRecords;
import de.efa.registry.query.register.Service;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All services in memory (hundreds to a few thousand documents) for the filtered list and the statistics: search by
 * provider, key, topic, status or text cannot use an index here. Reloaded when the change mark for services moves.
 */
@Component
public class ServiceDirectory {

    private final ActiveVersions versions;
    private volatile Snapshot snapshot;

    public ServiceDirectory(ActiveVersions versions) {
        this.versions = versions;
    }

    public List<Service> all() {
        RegisterRecords register = RegisterRecords.active(versions);
        long mark = register.changeMark(RegisterProjection.SERVICES);
        Snapshot current = snapshot;
        if (current == null || !current.collection.equals(register.version()) || current.mark != mark) {
            List<Service> all = new ArrayList<>(register.services());
            all.sort(Comparator.comparing(Service::leikaKey).thenComparing(Service::providingState));
            current = new Snapshot(register.version(), mark, List.copyOf(all));
            snapshot = current;
        }
        return current.services;
    }

    private record Snapshot(String collection, long mark, List<Service> services) {
    }
}
