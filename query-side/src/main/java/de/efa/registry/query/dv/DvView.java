package de.efa.registry.query.dv;

import de.efa.registry.kernel.region.RegionKey;
import de.efa.registry.kernel.region.RegionLevel;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.query.region.Region;
import de.efa.registry.query.region.RegionDirectory;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Dashboard's rows on one day, computed once from the projection's coverage documents and the regions: which
 * inhabited municipalities in force each service covers that day, the counts per region at every level, and from them
 * every (service, region) row with at least one municipality covered, ordered by ARS, level and LeiKa key. Requests
 * then only cut ranges out of it.
 */
final class DvView {

    private static final List<RegionLevel> ABOVE_MUNICIPALITIES = List.of(RegionLevel.ASSOCIATION, RegionLevel.DISTRICT,
            RegionLevel.GOVERNMENT_REGION, RegionLevel.STATE);

    final String version;
    final long mark;
    final RegionDirectory.Snapshot regions;
    final LocalDate day;
    private final List<DvRow> rows;
    /** Where each region's rows lie in {@link #rows}: [from, to). */
    private final Map<Region, int[]> ranges = new IdentityHashMap<>();

    private DvView(String version, long mark, RegionDirectory.Snapshot regions, LocalDate day, List<DvRow> rows) {
        this.version = version;
        this.mark = mark;
        this.regions = regions;
        this.day = day;
        this.rows = rows;
        for (int i = 0; i < rows.size(); i++) {
            Region region = rows.get(i).region();
            int at = i;
            ranges.computeIfAbsent(region, r -> new int[]{at, at})[1] = i + 1;
        }
    }

    boolean isFor(String version, long mark, RegionDirectory.Snapshot regions, LocalDate day) {
        return this.version.equals(version) && this.mark == mark && this.regions == regions && this.day.equals(day);
    }

    List<DvRow> all() {
        return rows;
    }

    /** The rows of these regions, in the order given. */
    List<DvRow> of(List<Region> selected) {
        List<DvRow> found = new ArrayList<>();
        for (Region region : selected) {
            int[] range = ranges.get(region);
            if (range != null) {
                found.addAll(rows.subList(range[0], range[1]));
            }
        }
        return found;
    }

    /** Counts of one service (or of all municipalities) per region. */
    private static final class Counts {
        final Map<Region, int[]> perRegion = new IdentityHashMap<>();
        /** per region: the newest version covering one of its municipalities */
        final Map<Region, String> newest = new IdentityHashMap<>();
        int germany;

        void add(List<Region> chain, String version) {
            germany++;
            for (Region region : chain) {
                perRegion.computeIfAbsent(region, r -> new int[1])[0]++;
                if (version != null) {
                    newest.merge(region, version, DvView::newer);
                }
            }
        }

        int of(Region region) {
            int[] count = region == null ? null : perRegion.get(region);
            return count == null ? 0 : count[0];
        }
    }

    static DvView compute(String version, long mark, RegionDirectory.Snapshot regions, LocalDate day,
                          Map<String, DvService> services, Iterable<Document> coverage) {
        // the inhabited municipalities in force, each with the regions it lies in (itself first)
        Map<String, List<Region>> chains = new HashMap<>();
        Counts all = new Counts();
        for (Region region : regions.all()) {
            if (region.level() == RegionLevel.MUNICIPALITY && !region.isDissolved() && region.population() > 0) {
                List<Region> chain = new ArrayList<>(5);
                chain.add(region);
                for (RegionLevel level : ABOVE_MUNICIPALITIES) {
                    Region above = regions.get(level, RegionKey.of(level, region.ars()).ars().value());
                    if (above != null && !above.isDissolved()) {
                        chain.add(above);
                    }
                }
                chains.put(region.ars().substring(0, 5) + region.ars().substring(9), chain);
                all.add(chain, null);
            }
        }
        // which of them each service covers on the day, and with which version
        String today = day.toString();
        Map<String, Map<String, String>> covered = new HashMap<>();
        for (Document perDistrict : coverage) {
            String id = perDistrict.getString("_id");
            String serviceId = id.substring(0, id.indexOf('|'));
            Document adoptions = perDistrict.get("a", Document.class);
            if (adoptions == null || !services.containsKey(serviceId)) {
                continue;
            }
            for (Object value : adoptions.values()) {
                String[] span = ((String) value).split("\\|", -1);
                boolean serves = span[1].compareTo(today) <= 0 && (span[2].isEmpty() || today.compareTo(span[2]) < 0);
                if (serves && chains.containsKey(span[0])) {
                    covered.computeIfAbsent(serviceId, s -> new HashMap<>()).merge(span[0], span[3], DvView::newer);
                }
            }
        }
        Map<String, Counts> perService = new HashMap<>();
        covered.forEach((serviceId, municipalities) -> {
            Counts counts = new Counts();
            municipalities.forEach((ags, v) -> counts.add(chains.get(ags), v));
            perService.put(serviceId, counts);
        });
        // one row per service and region with a municipality covered
        List<DvService> ordered = new ArrayList<>(services.values());
        ordered.sort(Comparator.comparing(DvService::leikaKey).thenComparing(DvService::serviceId));
        List<DvRow> rows = new ArrayList<>();
        for (Region region : regions.all()) {
            if (region.isDissolved()) {
                continue;
            }
            for (DvService service : ordered) {
                Counts counts = perService.get(service.serviceId());
                if (counts == null || counts.of(region) == 0) {
                    continue;
                }
                rows.add(new DvRow(region, service, counts.newest.get(region), coverage(region, service, counts, all, regions)));
            }
        }
        return new DvView(version, mark, regions, day, List.copyOf(rows));
    }

    private static Coverage coverage(Region region, DvService service, Counts counts, Counts all,
                                     RegionDirectory.Snapshot regions) {
        if (!service.evaluated()) {
            return Coverage.NOT_EVALUATED;
        }
        if (counts.germany == all.germany) {
            return Coverage.NATIONWIDE;
        }
        Region state = regions.get(RegionLevel.STATE, RegionKey.of(RegionLevel.STATE, region.ars()).ars().value());
        if (state != null && all.of(state) > 0 && counts.of(state) == all.of(state)) {
            return Coverage.STATEWIDE;
        }
        if (!region.level().isAbove(RegionLevel.DISTRICT)) {
            Region district = regions.get(RegionLevel.DISTRICT, RegionKey.of(RegionLevel.DISTRICT, region.ars()).ars().value());
            if (district != null && all.of(district) > 0 && counts.of(district) == all.of(district)) {
                return Coverage.DISTRICTWIDE;
            }
        }
        return Coverage.AT_LEAST_ONE;
    }

    private static String newer(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        return ServiceVersion.parse(a).compareTo(ServiceVersion.parse(b)) >= 0 ? a : b;
    }
}
