package de.efa.registry.query.register;

import de.efa.registry.query.projection.Documents;
import de.efa.registry.query.projection.ProjectionStore;
import de.efa.registry.kernel.service.MaturityModel;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statistics contributions of one version of the register ({@link StatisticsContributions}), read as typed
 * records: the statistics add them up without knowing how the contributions are keyed and stored.
 */
public record StatisticsRecords(ProjectionStore store) {

    /** The adoptions across one border of one service in one district: municipalities of the district adopting it. */
    public record CrossBorderAdoptions(String providingState, String adoptingState, String serviceId,
                                       int municipalities) {
    }

    /** What one municipality contributed to one day: adoptions that took effect, and that ended. */
    public record DayCounts(LocalDate day, long started, long ended) {
    }

    /** A service of a providing state, at the maturity level (of a model) of its latest version that is not retired. */
    public record ServiceMaturity(String providingState, String maturityModel, int level) {
    }

    /** The municipalities with active adoptions, of the given state's districts or of all. */
    public Set<String> adoptingMunicipalities(String stateOrNull) {
        Document filter = stateOrNull == null ? new Document() : Documents.idsStartingWith(stateOrNull);
        Set<String> adopting = new HashSet<>();
        for (Document perDistrict : store.collection(StatisticsContributions.ADOPTED).find(filter)) {
            Document m = perDistrict.get("m", Document.class);
            if (m != null) {
                // fields are g<AGS>
                m.keySet().forEach(key -> adopting.add(key.substring(1)));
            }
        }
        return adopting;
    }

    /** Every service's adoptions across a border (or within one state), per district. */
    public List<CrossBorderAdoptions> crossBorder() {
        List<CrossBorderAdoptions> all = new ArrayList<>();
        // one document per providingState|district|serviceId, a field per municipality adopting that service
        for (Document perService : store.collection(StatisticsContributions.CROSS_BORDER).find()) {
            Document m = perService.get("m", Document.class);
            String id = perService.getString("_id");
            all.add(new CrossBorderAdoptions(id.substring(0, 2), id.substring(3, 5), id.substring(id.indexOf('|', 3) + 1),
                    m == null ? 0 : m.size()));
        }
        return all;
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
            if (m != null) {
                for (Object maturity : m.values()) {
                    if (maturity instanceof Document levelOfModel) {
                        all.add(new ServiceMaturity(perState.getString("_id"), levelOfModel.getString("mm"),
                                levelOfModel.getInteger("l")));
                    } else { // written before versions named their model: a level of the first
                        all.add(new ServiceMaturity(perState.getString("_id"), MaturityModel.FIRST.id(),
                                ((Number) maturity).intValue()));
                    }
                }
            }
        }
        return all;
    }
}
