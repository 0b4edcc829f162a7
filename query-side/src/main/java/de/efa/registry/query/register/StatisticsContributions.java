package de.efa.registry.query.register;

import de.efa.registry.query.projection.DerivedWrites;
import de.efa.registry.kernel.service.MaturityModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pre-aggregated statistics, kept in small documents keyed by what a statistic is grouped by. Each municipality or
 * service owns one field in them (its contribution, computed from its state document), so redelivery and parallel
 * segments never double-count: {@code g<AGS>} keys a municipality's share (the prefix keeps numeric keys out of
 * MongoDB's array-index syntax).
 * <p>
 * Municipalities' contributions are kept per <em>district</em> (the first five digits of the AGS), not per state: a
 * document is rewritten whole on every update, in MongoDB as in the embedded server, and a state's document held a
 * field for each of up to ~2,300 municipalities, so every adoption rewrote one that large several times over (the
 * embedded server spent four fifths of its time on such updates under load). A district has ~27 municipalities on
 * average. Readers gather a state's districts with one range on {@code _id}, which starts with the state.
 * <ul>
 *     <li>{@value #ADOPTED} {@code _id = district}: {@code m.g<ags>} = the days on which any adoption serves the
 *     municipality ({@link ServingSpan#union}, stored as {@code from|until}): live on a day inside a span, planned on a
 *     day before one. Days, not a count of what is active now: the answers are as of any day, and today passes
 *     without an event</li>
 *     <li>{@value #CROSS_BORDER} {@code _id = providingState|district|serviceId}: {@code m.g<ags>} = the days on which
 *     the municipality adopts that service of another state. Per service, not a list of services per
 *     municipality: such a list grew with every service a municipality adopts, so a district's document held
 *     municipalities × services and was rewritten whole on each adoption (the largest document an adoption updated)</li>
 *     <li>{@value #TIMELINE} {@code _id = state|yyyy-MM|district}: {@code m.g<ags>} =
 *     {@code {d<dd>: [started, ended]}}</li>
 *     <li>{@value #MATURITY} {@code _id = providingState}: {@code m.<serviceId>} = the service's versions in the order
 *     published, each {@code {l, mm, r, x}}: maturity level, model, released on and retired on (null while not)</li>
 * </ul>
 */
public final class StatisticsContributions {

    public static final String ADOPTED = "statsAdopted";
    public static final String CROSS_BORDER = "statsCrossBorder";
    public static final String TIMELINE = "statsTimeline";
    public static final String MATURITY = "statsMaturity";

    public void municipality(String ags, Document oldAdoptions, Document newAdoptions, DerivedWrites writes) {
        String state = ags.substring(0, 2);
        String district = district(ags);
        String field = "m.g" + ags;
        List<String> oldServed = served(oldAdoptions.values());
        List<String> newServed = served(newAdoptions.values());
        if (!oldServed.equals(newServed)) {
            writes.put(ADOPTED, district, field, newServed.isEmpty() ? null : newServed);
        }
        Map<String, List<String>> oldCross = crossBorder(oldAdoptions);
        Map<String, List<String>> newCross = crossBorder(newAdoptions);
        for (Map.Entry<String, List<String>> providerAndService : newCross.entrySet()) {
            if (!providerAndService.getValue().equals(oldCross.get(providerAndService.getKey()))) {
                writes.set(CROSS_BORDER, crossBorderId(providerAndService.getKey(), district), field,
                        providerAndService.getValue());
            }
        }
        for (String providerAndService : oldCross.keySet()) {
            if (!newCross.containsKey(providerAndService)) {
                writes.unset(CROSS_BORDER, crossBorderId(providerAndService, district), field);
            }
        }
        Map<String, Document> oldTimeline = timeline(oldAdoptions);
        Map<String, Document> newTimeline = timeline(newAdoptions);
        Set<String> months = new TreeSet<>(oldTimeline.keySet());
        months.addAll(newTimeline.keySet());
        for (String month : months) {
            if (!Objects.equals(oldTimeline.get(month), newTimeline.get(month))) {
                writes.put(TIMELINE, state + "|" + month + "|" + district, field, newTimeline.get(month));
            }
        }
    }

    /** The district (Kreis) of a municipality: the first five digits of its AGS, the first two being the state. */
    public static String district(String ags) {
        return ags.substring(0, 5);
    }

    public void service(Document before, Document after, DerivedWrites writes) {
        List<Document> oldMaturity = before == null ? null : maturity(before);
        List<Document> newMaturity = maturity(after);
        if (!Objects.equals(oldMaturity, newMaturity) && after.getString("providingState") != null) {
            writes.put(MATURITY, after.getString("providingState"), "m." + after.getString("_id"), newMaturity);
        }
    }

    /**
     * Each version's level with its model, release and retirement, {@code {l, mm, r, x}}, in the order published.
     * (Documents written before versions named a model: a level of the first model.)
     */
    @SuppressWarnings("unchecked")
    static List<Document> maturity(Document service) {
        Object versions = service.get("versions");
        if (!(versions instanceof List<?> list)) {
            return List.of();
        }
        List<Document> maturity = new ArrayList<>();
        for (Document version : (List<Document>) list) {
            maturity.add(new Document("l", version.getInteger("maturityLevel"))
                    .append("mm", version.get("maturityModel", MaturityModel.FIRST.id()))
                    .append("r", version.getString("releasedOn")).append("x", version.getString("retiredOn")));
        }
        return maturity;
    }

    /** The union of the days the adoptions serve, stored. */
    private static List<String> served(Collection<Object> adoptions) {
        List<ServingSpan> spans = new ArrayList<>();
        for (Object adoption : adoptions) {
            spans.addAll(ServingSpan.of((Document) adoption));
        }
        return ServingSpan.storedAll(ServingSpan.union(spans));
    }

    /** Per {@code providingState|serviceId} of another state the municipality adopts: the days it serves. */
    private static Map<String, List<String>> crossBorder(Document adoptions) {
        Map<String, List<Object>> byService = new HashMap<>();
        for (Object value : adoptions.values()) {
            Document adoption = (Document) value;
            if (Boolean.TRUE.equals(adoption.getBoolean("xb"))) {
                byService.computeIfAbsent(adoption.getString("ps") + "|" + adoption.getString("s"),
                        k -> new ArrayList<>()).add(adoption);
            }
        }
        Map<String, List<String>> result = new HashMap<>();
        byService.forEach((providerAndService, its) -> {
            List<String> served = served(its);
            if (!served.isEmpty()) {
                result.put(providerAndService, served);
            }
        });
        return result;
    }

    /**
     * {@code providingState|district|serviceId}: its first five characters are the pair of states the matrix counts
     * (the district starts with the adopting state), the rest after the second '|' the service it counts once.
     */
    private static String crossBorderId(String providerAndService, String district) {
        int bar = providerAndService.indexOf('|');
        return providerAndService.substring(0, bar) + "|" + district + providerAndService.substring(bar);
    }

    /** Per month: {@code d<dd> -> [started, ended]} of this municipality's adoptions. */
    private static Map<String, Document> timeline(Document adoptions) {
        Map<String, Map<String, int[]>> months = new TreeMap<>();
        for (Object value : adoptions.values()) {
            Document adoption = (Document) value;
            count(months, adoption.getString("f"), 0);
            count(months, adoption.getString("e"), 1);
        }
        Map<String, Document> result = new HashMap<>();
        months.forEach((month, days) -> {
            Document document = new Document();
            days.forEach((day, counts) -> document.put(day, List.of(counts[0], counts[1])));
            result.put(month, document);
        });
        return result;
    }

    private static void count(Map<String, Map<String, int[]>> months, String date, int index) {
        if (date == null) {
            return;
        }
        months.computeIfAbsent(date.substring(0, 7), m -> new TreeMap<>())
                .computeIfAbsent("d" + date.substring(8, 10), d -> new int[2])[index]++;
    }
}
