package de.efa.registry.query.dv;

import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.projection.ProjectionStore;
import de.efa.registry.query.region.RegionDirectory;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The Dashboard's rows of today, kept until an event changes the projection, the regions change or the day turns
 * (in Germany's time zone): days pass without events, so "today" is decided here, on reading, never in the projection.
 * Each request then costs one read of the change mark and a cut of the kept rows; the coverage documents are read
 * again only after a change.
 */
@Component
public class DvData {

    private static final Clock GERMANY = Clock.system(ZoneId.of("Europe/Berlin"));

    private final ActiveVersions versions;
    private final RegionDirectory regions;
    private volatile DvView view;

    public DvData(ActiveVersions versions, RegionDirectory regions) {
        this.versions = versions;
        this.regions = regions;
    }

    DvView today() {
        ProjectionStore store = versions.active(DvProjection.NAME);
        long mark = changeMark(store);
        RegionDirectory.Snapshot snapshot = regions.current();
        LocalDate day = LocalDate.now(GERMANY);
        DvView current = view;
        if (current != null && current.isFor(store.prefix(), mark, snapshot, day)) {
            return current;
        }
        synchronized (this) {
            if (view != null && view.isFor(store.prefix(), mark, snapshot, day)) {
                return view;
            }
            Map<String, DvService> services = new HashMap<>();
            for (Document stored : store.collection(DvProjection.SERVICES).find()) {
                DvService service = DvService.of(stored);
                if (service != null) {
                    services.put(service.serviceId(), service);
                }
            }
            view = DvView.compute(store.prefix(), mark, snapshot, day, services,
                    store.collection(DvProjection.COVERAGE).find().batchSize(2000));
            return view;
        }
    }

    private static long changeMark(ProjectionStore store) {
        Document mark = store.collection(DvProjection.CHANGES).find(new Document("_id", DvProjection.CHANGES)).first();
        return mark == null ? 0L : ((Number) mark.get("p")).longValue();
    }
}
