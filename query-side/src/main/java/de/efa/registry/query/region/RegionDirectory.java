package de.efa.registry.query.region;

import de.efa.registry.kernel.region.RegionLevel;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.projection.ProjectionStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All regions in memory (about sixteen thousand small records, municipalities included), for lists, names, parents
 * and populations: the store cannot index a search by name, so lists filter here. The copy is reloaded when the
 * projection's change mark moves (one read by {@code _id} per use) or a rebuild replaced the version.
 */
@Component
public class RegionDirectory {

    /** By ARS, then from the highest level down: the order of every list. */
    static final Comparator<Region> ORDER = Comparator.comparing(Region::ars).thenComparing(Region::level);

    private final ActiveVersions versions;
    private volatile Snapshot snapshot;

    public RegionDirectory(ActiveVersions versions) {
        this.versions = versions;
    }

    public Snapshot current() {
        ProjectionStore store = versions.active(RegionProjection.NAME);
        long mark = changeMark(store);
        Snapshot current = snapshot;
        if (current != null && current.version.equals(store.prefix()) && current.mark == mark) {
            return current;
        }
        synchronized (this) {
            if (snapshot != null && snapshot.version.equals(store.prefix()) && snapshot.mark == mark) {
                return snapshot;
            }
            List<Region> all = new ArrayList<>();
            for (String collection : List.of(RegionProjection.REGIONS, RegionProjection.MUNICIPALITIES)) {
                for (Document stored : store.collection(collection).find()) {
                    Region region = Region.of(stored);
                    if (region != null) {
                        all.add(region);
                    }
                }
            }
            all.sort(ORDER);
            snapshot = new Snapshot(store.prefix(), mark, List.copyOf(all));
            return snapshot;
        }
    }

    private static long changeMark(ProjectionStore store) {
        Document mark = store.collection(RegionProjection.CHANGES).find(new Document("_id", RegionProjection.REGIONS)).first();
        return mark == null ? 0L : ((Number) mark.get("p")).longValue();
    }

    /** One consistent copy of the regions. */
    public static final class Snapshot {
        private final String version;
        private final long mark;
        private final List<Region> all;
        private final Map<String, List<Region>> byArs = new HashMap<>();

        Snapshot(String version, long mark, List<Region> all) {
            this.version = version;
            this.mark = mark;
            this.all = all;
            all.forEach(r -> byArs.computeIfAbsent(r.ars(), a -> new ArrayList<>()).add(r));
        }

        /** Every region, dissolved ones included, by ARS and from the highest level down. */
        public List<Region> all() {
            return all;
        }

        /** The regions of every level that this ARS names (several for city states and kreisfreie Städte), highest first. */
        public List<Region> withArs(String ars) {
            return byArs.getOrDefault(ars, List.of());
        }

        /** The region of this level and ARS, or null. */
        public Region get(RegionLevel level, String ars) {
            return withArs(ars).stream().filter(r -> r.level() == level).findFirst().orElse(null);
        }
    }
}
