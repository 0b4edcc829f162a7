package de.efa.registry.query.statistics;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.municipality.MunicipalityDirectory;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.projection.ProjectionStore;
import de.efa.registry.query.register.RegisterProjection;
import de.efa.registry.query.register.Municipality;
import de.efa.registry.query.register.RegisterRecords;
import de.efa.registry.query.register.ServiceAdoption;
import de.efa.registry.query.register.ServingSpan;
import de.efa.registry.query.register.StatisticsRecords;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The statistics, each from a few pre-aggregated documents read by {@code _id} (see {@link StatisticsContributions})
 * and the municipality directory for populations.
 */
@Component
class StatisticsQueries {

    static final int MAX_PERIODS = 5000;

    private final ActiveVersions versions;
    private final MunicipalityDirectory municipalities;

    StatisticsQueries(ActiveVersions versions, MunicipalityDirectory municipalities) {
        this.versions = versions;
        this.municipalities = municipalities;
    }

    /**
     * Per state or district: the municipalities (and their population) served on {@code asOf}, and those not served
     * then but from a later day (planned).
     */
    StatisticsTable<CoverageRow> coverage(ServiceId serviceId, StateCode state, String groupBy, LocalDate asOf) {
        boolean byDistrict = "district".equals(groupBy);
        String day = asOf.toString();
        ProjectionStore store = versions.active(RegisterProjection.NAME);
        Map<String, ServingSpan.Phase> phases = new HashMap<>();
        if (serviceId != null) {
            RegisterRecords register = new RegisterRecords(store);
            if (!register.holdsService(serviceId.value())) {
                throw RegistryProblem.notFound("Service", serviceId);
            }
            // a municipality has at most one adoption of a service on any day, but may have had one and plan another
            for (ServiceAdoption adoption : register.serviceAdoptions(serviceId.value(), state)) {
                phases.merge(adoption.ags(), adoption.phaseOn(day), StatisticsQueries::closer);
            }
        } else {
            new StatisticsRecords(store).servedMunicipalities(state == null ? null : state.value())
                    .forEach((ags, days) -> phases.put(ags, ServingSpan.phaseOn(days, day)));
        }
        Map<String, long[]> groups = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Municipality m : municipalities.current().all()) {
            if (m.isDissolved() || (state != null && !state.value().equals(m.state()))) {
                continue;
            }
            if (byDistrict && m.districtName() == null) {
                // an area in no district (the directory lists no district for it: the German-Luxembourg condominium
                // 07000, the coastal waters 13000; uninhabited): it counts towards its state, but is no district
                continue;
            }
            String key = byDistrict ? m.districtKey() : m.state();
            names.putIfAbsent(key, byDistrict ? m.districtName() : StateCode.of(m.state()).stateName());
            long[] sums = groups.computeIfAbsent(key, k -> new long[6]);
            ServingSpan.Phase phase = phases.getOrDefault(m.ags(), ServingSpan.Phase.NONE);
            sums[0]++;
            sums[2] += m.population();
            if (phase == ServingSpan.Phase.LIVE) {
                sums[1]++;
                sums[3] += m.population();
            } else if (phase == ServingSpan.Phase.PLANNED) {
                sums[4]++;
                sums[5] += m.population();
            }
        }
        List<CoverageRow> rows = new ArrayList<>();
        groups.forEach((key, sums) -> rows.add(new CoverageRow(key, names.get(key), sums[0], sums[1], sums[2], sums[3],
                share(sums[3], sums[2]), sums[4], sums[5], share(sums[5], sums[2]))));
        return new StatisticsTable<>(CoverageRow.class, rows);
    }

    /** Of two adoptions of one municipality, the one that counts: live before planned before none. */
    private static ServingSpan.Phase closer(ServingSpan.Phase a, ServingSpan.Phase b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(part * 1_000_000.0 / whole) / 1_000_000.0;
    }

    /**
     * Per providing and adopting state: the services and adoptions (municipality and service) across that border on
     * {@code asOf}, with the population they serve, and those planned from a later day.
     */
    StatisticsTable<CrossBorderRow> crossBorder(LocalDate asOf) {
        String day = asOf.toString();
        ProjectionStore store = versions.active(RegisterProjection.NAME);
        MunicipalityDirectory.Snapshot directory = municipalities.current();
        Map<String, Set<String>> services = new TreeMap<>();
        Map<String, long[]> sums = new TreeMap<>();
        for (StatisticsRecords.CrossBorderAdoptions perDistrict : new StatisticsRecords(store).crossBorder()) {
            if (perDistrict.providingState().equals(perDistrict.adoptingState())) {
                continue;
            }
            String pair = perDistrict.providingState() + "|" + perDistrict.adoptingState();
            perDistrict.municipalities().forEach((ags, days) -> {
                ServingSpan.Phase phase = ServingSpan.phaseOn(days, day);
                if (phase == ServingSpan.Phase.NONE) {
                    return;
                }
                Municipality m = directory.get(ags);
                long population = m == null ? 0 : m.population();
                long[] counts = sums.computeIfAbsent(pair, p -> new long[4]);
                if (phase == ServingSpan.Phase.LIVE) {
                    services.computeIfAbsent(pair, p -> new HashSet<>()).add(perDistrict.serviceId());
                    counts[0]++;
                    counts[1] += population;
                } else {
                    counts[2]++;
                    counts[3] += population;
                }
            });
        }
        List<CrossBorderRow> rows = new ArrayList<>();
        sums.forEach((pair, counts) -> rows.add(new CrossBorderRow(pair.substring(0, 2), pair.substring(3, 5),
                services.getOrDefault(pair, Set.of()).size(), counts[0], counts[1], counts[2], counts[3])));
        return new StatisticsTable<>(CrossBorderRow.class, rows);
    }

    StatisticsTable<TimelineRow> timeline(LocalDate from, LocalDate to, String interval, StateCode state) {
        if (from.isAfter(to)) {
            throw RegistryProblem.badRequest("from must not be after to");
        }
        ProjectionStore store = versions.active(RegisterProjection.NAME);
        // periods are whole: the last one ends with its last day, which for a week may lie in the month after to's
        LocalDate lastDay = next(periodStart(to, interval), interval).minusDays(1);
        String lastMonth = lastDay.toString().substring(0, 7);
        // per day: [started, ended], summed over municipalities; every month up to the last one (earlier days count
        // towards "active")
        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        for (StatisticsRecords.DayCounts counts : new StatisticsRecords(store).timeline(states(state), lastMonth)) {
            long[] sums = days.computeIfAbsent(counts.day(), d -> new long[2]);
            sums[0] += counts.started();
            sums[1] += counts.ended();
        }
        List<TimelineRow> rows = new ArrayList<>();
        long active = 0;
        // everything before the first period counts towards "active"
        LocalDate start = periodStart(from, interval);
        for (long[] sums : days.headMap(start).values()) {
            active += sums[0] - sums[1];
        }
        for (LocalDate periodStart = start; !periodStart.isAfter(to); periodStart = next(periodStart, interval)) {
            if (rows.size() >= MAX_PERIODS) {
                throw RegistryProblem.badRequest("at most " + MAX_PERIODS + " periods; choose a longer interval or a shorter range");
            }
            long started = 0;
            long ended = 0;
            for (long[] sums : days.subMap(periodStart, next(periodStart, interval)).values()) {
                started += sums[0];
                ended += sums[1];
            }
            active += started - ended;
            rows.add(new TimelineRow(label(periodStart, interval), started, ended, active));
        }
        return new StatisticsTable<>(TimelineRow.class, rows);
    }

    /**
     * Per providing state, model and level: the services whose latest version in service on {@code asOf} stands at it,
     * and those whose latest version released after {@code asOf} will.
     */
    StatisticsTable<MaturityRow> maturity(LocalDate asOf) {
        String day = asOf.toString();
        ProjectionStore store = versions.active(RegisterProjection.NAME);
        // per state, model and level ("09|OZG-2.0|5", in that order as text: levels are single digits): levels of two
        // models are never added up
        Map<String, long[]> counts = new TreeMap<>();
        for (StatisticsRecords.ServiceMaturity service : new StatisticsRecords(store).maturity(states(null))) {
            StatisticsRecords.VersionMaturity live = service.liveOn(day);
            if (live != null) {
                counts.computeIfAbsent(maturityKey(service, live), k -> new long[2])[0]++;
            }
            StatisticsRecords.VersionMaturity planned = service.plannedAfter(day);
            if (planned != null) {
                counts.computeIfAbsent(maturityKey(service, planned), k -> new long[2])[1]++;
            }
        }
        List<MaturityRow> rows = new ArrayList<>();
        counts.forEach((key, services) -> {
            String[] stateModelLevel = key.split("\\|");
            rows.add(new MaturityRow(stateModelLevel[0], Integer.parseInt(stateModelLevel[2]), services[0],
                    stateModelLevel[1], services[1]));
        });
        return new StatisticsTable<>(MaturityRow.class, rows);
    }

    private static String maturityKey(StatisticsRecords.ServiceMaturity service, StatisticsRecords.VersionMaturity version) {
        return service.providingState() + "|" + version.maturityModel() + "|" + version.level();
    }

    private static List<String> states(StateCode state) {
        return state == null ? StateCode.all().stream().map(StateCode::value).toList() : List.of(state.value());
    }

    static LocalDate periodStart(LocalDate day, String interval) {
        return switch (interval) {
            case "day" -> day;
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate periodStart, String interval) {
        return switch (interval) {
            case "day" -> periodStart.plusDays(1);
            case "week" -> periodStart.plusWeeks(1);
            default -> periodStart.plusMonths(1);
        };
    }

    private static String label(LocalDate periodStart, String interval) {
        return switch (interval) {
            case "day" -> periodStart.toString();
            case "week" -> String.format("%d-W%02d", periodStart.get(IsoFields.WEEK_BASED_YEAR),
                    periodStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            default -> periodStart.toString().substring(0, 7);
        };
    }
}
