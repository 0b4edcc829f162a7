package de.efa.registry.query.register;

import de.efa.registry.query.projection.Documents;
import de.efa.registry.query.projection.ProjectionStore;
import de.efa.registry.kernel.service.MaturityModel;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics contributions of one version of the register ({@link StatisticsContributions}), read as typed
 * records: the statistics add them up without knowing how the contributions are keyed and stored.
 */
public record StatisticsRecords(ProjectionStore store) {

    /**
     * What a document of an earlier layout holds where days are expected ({@code true} or a count: in use when it was
     * written): served from always, read while the rebuild in the current layout runs.
     */
    private static final List<ServingSpan> ALWAYS = List.of(new ServingSpan("0000-01-01", null));

    /** The adoptions across one border of one service in one district: the days each municipality adopts it. */
    public record CrossBorderAdoptions(String providingState, String adoptingState, String serviceId,
                                       Map<String, List<ServingSpan>> municipalities) {
    }

    /** What one municipality contributed to one day: adoptions that took effect, and that ended. */
    public record DayCounts(LocalDate day, long started, long ended) {
    }

    /** One version's maturity level of a model, with its release and retirement days (null while none). */
    public record VersionMaturity(String maturityModel, int level, String releasedOn, String retiredOn) {

        boolean inServiceOn(String day) {
            return (releasedOn == null || releasedOn.compareTo(day) <= 0) && (retiredOn == null || retiredOn.compareTo(day) > 0);
        }
    }

    /** A service of a providing state with its versions, in the order they were published. */
    public record ServiceMaturity(String providingState, List<VersionMaturity> versions) {

        /** The latest version in service on {@code day} (released, not yet retired); null if none is. */
        public VersionMaturity liveOn(String day) {
            VersionMaturity live = null;
            for (VersionMaturity version : versions) {
                if (version.inServiceOn(day)) {
                    live = version;
                }
            }
            return live;
        }

        /** The latest version released after {@code day} (and not retired before its release); null if none is. */
        public VersionMaturity plannedAfter(String day) {
            VersionMaturity planned = null;
            for (VersionMaturity version : versions) {
                if (version.releasedOn() != null && version.releasedOn().compareTo(day) > 0
                        && version.inServiceOn(version.releasedOn())) {
                    planned = version;
                }
            }
            return planned;
        }
    }

    /** The days each municipality of the given state's districts (or of all) is served by any adoption. */
    public Map<String, List<ServingSpan>> servedMunicipalities(String stateOrNull) {
        Document filter = stateOrNull == null ? new Document() : Documents.idsStartingWith(stateOrNull);
        Map<String, List<ServingSpan>> served = new HashMap<>();
        for (Document perDistrict : store.collection(StatisticsContributions.ADOPTED).find(filter)) {
            // fields are g<AGS>
            municipalities(perDistrict).forEach((field, days) -> served.put(field.substring(1), days));
        }
        return served;
    }

    /** Every service's adoptions across a border (or within one state), per district. */
    public List<CrossBorderAdoptions> crossBorder() {
        List<CrossBorderAdoptions> all = new ArrayList<>();
        // one document per providingState|district|serviceId, a field per municipality adopting that service
        for (Document perService : store.collection(StatisticsContributions.CROSS_BORDER).find()) {
            String id = perService.getString("_id");
            Map<String, List<ServingSpan>> municipalities = new HashMap<>();
            municipalities(perService).forEach((field, days) -> municipalities.put(field.substring(1), days));
            all.add(new CrossBorderAdoptions(id.substring(0, 2), id.substring(3, 5), id.substring(id.indexOf('|', 3) + 1),
                    municipalities));
        }
        return all;
    }

    private static Map<String, List<ServingSpan>> municipalities(Document contributions) {
        Document m = contributions.get("m", Document.class);
        Map<String, List<ServingSpan>> days = new HashMap<>();
        if (m != null) {
            m.forEach((field, value) -> days.put(field, value instanceof List<?> stored ? ServingSpan.parseAll(stored) : ALWAYS));
        }
        return days;
    }
    /** Every municipality's day counts of the given states, up to and including {@code lastMonth} (yyyy-MM). */
    public List<DayCounts> timeline(List<String> states, String lastMonth) {
        List<Document> upToLastMonth = new ArrayList<>();
        // a state's months and districts are one range of ids state|yyyy-MM|district
        for (String state : states) {
            upToLastMonth.add(new Document("_id", new Document("$gte", state + "|")
                    .append("$lt", state + "|" + lastMonth + "|~")));
        }
        List<DayCounts> all = new ArrayList<>();
        for (Document month : store.collection(StatisticsContributions.TIMELINE).find(new Document("$or", upToLastMonth))) {
            String yearMonth = month.getString("_id").substring(3, 10);
            Document m = month.get("m", Document.class);
            if (m == null) {
                continue;
            }
            for (Object contribution : m.values()) {
                // d<dd>: [started, ended]
                for (Map.Entry<String, Object> day : ((Document) contribution).entrySet()) {
                    List<?> counts = (List<?>) day.getValue();
                    all.add(new DayCounts(LocalDate.parse(yearMonth + "-" + day.getKey().substring(1)),
                            ((Number) counts.get(0)).longValue(), ((Number) counts.get(1)).longValue()));
                }
            }
        }
        return all;
    }

    /** The maturity of every service of the given providing states. */
    public List<ServiceMaturity> maturity(List<String> providingStates) {
        if (providingStates.isEmpty()) {
            return List.of();
        }
        List<ServiceMaturity> all = new ArrayList<>();
        for (Document perState : store.collection(StatisticsContributions.MATURITY)
                .find(new Document("_id", new Document("$in", providingStates)))) {
            Document m = perState.get("m", Document.class);
            if (m == null) {
                continue;
            }
            for (Object maturity : m.values()) {
                List<VersionMaturity> versions = new ArrayList<>();
                if (maturity instanceof List<?> list) {
                    for (Object version : list) {
                        Document v = (Document) version;
                        versions.add(new VersionMaturity(v.getString("mm"), v.getInteger("l"), v.getString("r"),
                                v.getString("x")));
                    }
                } else if (maturity instanceof Document levelOfModel) { // an earlier layout: the level in service then
                    versions.add(new VersionMaturity(levelOfModel.getString("mm"), levelOfModel.getInteger("l"), null, null));
                } else if (maturity != null) { // written before versions named their model: a level of the first
                    versions.add(new VersionMaturity(MaturityModel.FIRST.id(), ((Number) maturity).intValue(), null, null));
                }
                all.add(new ServiceMaturity(perState.getString("_id"), versions));
            }
        }
        return all;
    }
}
