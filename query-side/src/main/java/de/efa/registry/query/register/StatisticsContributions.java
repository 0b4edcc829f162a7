package de.efa.registry.query.register;

import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.service.VersionStatus;
import de.efa.registry.query.projection.DerivedWrites;
import de.efa.registry.kernel.service.MaturityModel;
import org.bson.Document;

import java.util.HashMap;
import java.util.HashSet;
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
 *     <li>{@value #ADOPTED} {@code _id = district}: {@code m.g<ags>} = the municipality's ACTIVE adoptions</li>
 *     <li>{@value #CROSS_BORDER} {@code _id = providingState|district|serviceId}: {@code m.g<ags>} = true while the
 *     municipality actively adopts that service of another state. Per service, not a list of services per
 *     municipality: such a list grew with every service a municipality adopts, so a district's document held
 *     municipalities × services and was rewritten whole on each adoption (the largest document an adoption updated)</li>
 *     <li>{@value #TIMELINE} {@code _id = state|yyyy-MM|district}: {@code m.g<ags>} =
 *     {@code {d<dd>: [started, ended]}}</li>
 *     <li>{@value #MATURITY} {@code _id = providingState}: {@code m.<serviceId>} = the maturity level and model
 *     ({@code {l, mm}}) of the service's latest version that is not retired</li>
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
        long oldActive = active(oldAdoptions);
        long newActive = active(newAdoptions);
        if (oldActive != newActive) {
            writes.put(ADOPTED, district, field, newActive == 0 ? null : newActive);
        }
        Set<String> oldCross = crossBorder(oldAdoptions);
        Set<String> newCross = crossBorder(newAdoptions);
        for (String providerAndService : newCross) {
            if (!oldCross.contains(providerAndService)) {
                writes.set(CROSS_BORDER, crossBorderId(providerAndService, district), field, Boolean.TRUE);
            }
        }
        for (String providerAndService : oldCross) {
            if (!newCross.contains(providerAndService)) {
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
        Document oldMaturity = before == null ? null : currentMaturity(before);
        Document newMaturity = currentMaturity(after);
        if (!Objects.equals(oldMaturity, newMaturity) && after.getString("providingState") != null) {
            writes.put(MATURITY, after.getString("providingState"), "m." + after.getString("_id"), newMaturity);
        }
    }

    /**
     * The level of the latest version still in service with its model, {@code {l, mm}}; none when all are retired.
     * (Documents written before versions named a model hold the bare level: a level of the first model.)
     */
    @SuppressWarnings("unchecked")
    static Document currentMaturity(Document service) {
        Object versions = service.get("versions");
        if (!(versions instanceof List<?> list)) {
            return null;
        }
        Document maturity = null;
        for (Document version : (List<Document>) list) {
            if (!VersionStatus.RETIRED.name().equals(version.getString("status"))) {
                maturity = new Document("l", version.getInteger("maturityLevel"))
                        .append("mm", version.get("maturityModel", MaturityModel.FIRST.id()));
            }
        }
        return maturity;
    }

    private static long active(Document adoptions) {
        return adoptions.values().stream().map(Document.class::cast)
                .filter(a -> AdoptionStatus.ACTIVE.name().equals(a.getString("st"))).count();
    }

    /** {@code providingState|serviceId} of each service of another state the municipality actively adopts. */
    private static Set<String> crossBorder(Document adoptions) {
        Set<String> result = new HashSet<>();
        for (Object value : adoptions.values()) {
            Document adoption = (Document) value;
            if (Boolean.TRUE.equals(adoption.getBoolean("xb")) && AdoptionStatus.ACTIVE.name().equals(adoption.getString("st"))) {
                result.add(adoption.getString("ps") + "|" + adoption.getString("s"));
            }
        }
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
