package de.efa.registry.command.demo.germany;

import de.efa.registry.command.demo.germany.ServiceCatalogue.OfferedService;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the Germany seed records, decided before a single command is sent: cooperations, services with their
 * versions, who adopts what from when, which versions are deprecated or retired, which adoptions end. A pure function
 * of the directory's inhabited municipalities (the ones that adopt) and a fixed random seed, so every run records the same register (ids included),
 * and a test can compute the counts it must find.
 * <p>
 * The scale (0 &lt; scale ≤ 1) keeps the adoptions of a fixed share of municipalities: the plan is made in full and
 * then cut, so a reduced register is exactly a part of the full one, with every kind of record still in it.
 */
final class GermanyRegisterPlan {

    static final long RANDOM_SEED = 20231130L;
    /** No adoption, release or end lies after this day: the seed spreads its dates over 2020–2026. */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 31);
    private static final LocalDate FIRST_RELEASE = LocalDate.of(2020, 1, 15);
    private static final int RETIREMENTS = 6;
    private static final int DEPRECATIONS = 5;
    private static final double TERMINATED_SHARE = 0.012;

    record PlannedVersion(ServiceVersion version, int maturity, LocalDate releasedOn) {
    }

    record PlannedService(ServiceId id, OfferedService offered, List<PlannedVersion> versions) {

        StateCode provider() {
            return offered.providingState();
        }

        /** The version a municipality adopting on that day takes: the latest one released by then. */
        PlannedVersion releasedBy(LocalDate day) {
            PlannedVersion latest = null;
            for (PlannedVersion v : versions) {
                if (!v.releasedOn().isAfter(day)) {
                    latest = v;
                }
            }
            return latest;
        }
    }

    /** How a state brings a service to its municipalities. */
    enum Rollout { STATE_WIDE, DISTRICTS, SINGLE_MUNICIPALITIES }

    record PlannedAdoption(AdoptionId id, Ags ags, PlannedService service, ServiceVersion version, LocalDate effectiveFrom,
                           Rollout rollout) {

        boolean crossBorder() {
            return !ags.state().equals(service.provider());
        }
    }

    record PlannedTermination(PlannedAdoption adoption, LocalDate endsOn) {
    }

    /** A version retired with its successor: the retirement process moves its adoptions there. */
    record PlannedRetirement(PlannedService service, ServiceVersion version, LocalDate retiredOn, ServiceVersion successor) {
    }

    record PlannedDeprecation(PlannedService service, ServiceVersion version, LocalDate sunsetOn, ServiceVersion successor) {
    }

    private final List<Ags> municipalities;
    private final List<PlannedCooperation> cooperations;
    private final List<PlannedService> services;
    private final List<PlannedAdoption> adoptions;
    private final List<PlannedTermination> terminations;
    private final List<PlannedRetirement> retirements;
    private final List<PlannedDeprecation> deprecations;

    private GermanyRegisterPlan(List<Ags> municipalities, List<PlannedCooperation> cooperations,
                                List<PlannedService> services, List<PlannedAdoption> adoptions,
                                List<PlannedTermination> terminations, List<PlannedRetirement> retirements,
                                List<PlannedDeprecation> deprecations) {
        this.municipalities = municipalities;
        this.cooperations = cooperations;
        this.services = services;
        this.adoptions = adoptions;
        this.terminations = terminations;
        this.retirements = retirements;
        this.deprecations = deprecations;
    }

    static GermanyRegisterPlan of(List<Ags> municipalities, double scale) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("registry.demo.germany.scale must lie in (0, 1], got " + scale);
        }
        Random random = new Random(RANDOM_SEED);
        List<PlannedCooperation> cooperations = cooperations(random);
        List<PlannedService> services = new ArrayList<>();
        for (OfferedService offered : ServiceCatalogue.ALL) {
            services.add(new PlannedService(id(random, ServiceId::of), offered, versions(random, offered)));
        }
        Map<StateCode, Map<DistrictKey, List<Ags>>> byDistrict = new TreeMap<>();
        for (Ags ags : municipalities) {
            byDistrict.computeIfAbsent(ags.state(), s -> new TreeMap<>(Comparator.comparing(DistrictKey::value)))
                    .computeIfAbsent(ags.district(), d -> new ArrayList<>()).add(ags);
        }
        List<PlannedAdoption> adoptions = new ArrayList<>();
        for (PlannedService service : services) {
            for (Map.Entry<StateCode, Map<DistrictKey, List<Ags>>> state : byDistrict.entrySet()) {
                rollOut(random, service, state.getKey(), state.getValue(), cooperations, adoptions);
            }
        }
        List<PlannedRetirement> retirements = retirements(random, services, adoptions);
        List<PlannedDeprecation> deprecations = deprecations(services, retirements);
        Set<String> retiredVersions = new HashSet<>();
        retirements.forEach(r -> retiredVersions.add(r.service().id() + "/" + r.version()));
        List<PlannedTermination> terminations = new ArrayList<>();
        for (PlannedAdoption adoption : adoptions) {
            // adoptions the retirement process moves keep running: their count then says exactly what it moved
            if (random.nextDouble() < TERMINATED_SHARE && !retiredVersions.contains(adoption.service().id() + "/" + adoption.version())) {
                terminations.add(new PlannedTermination(adoption, min(LAST_DAY,
                        adoption.effectiveFrom().plusDays(60 + random.nextInt(1_140)))));
            }
        }
        return cut(municipalities, scale, cooperations, services, adoptions, terminations, retirements, deprecations);
    }

    /**
     * Regional cooperations from 2020 on, and one of all states that most join between 2022 and 2024: cross-border
     * adoptions are possible early within a region and later across Germany.
     */
    private static List<PlannedCooperation> cooperations(Random random) {
        return List.of(
                new PlannedCooperation(id(random, CooperationId::of), "EfA-Verbund Nord", states("01", "02", "03", "04", "13"),
                        LocalDate.of(2020, 10, 1), PlannedCooperation.joining("12", "2021-04-01")),
                new PlannedCooperation(id(random, CooperationId::of), "EfA-Kooperation Mitte", states("05", "06", "07", "10"),
                        LocalDate.of(2021, 2, 1), PlannedCooperation.joining("16", "2021-09-01")),
                new PlannedCooperation(id(random, CooperationId::of), "EfA-Kooperation Süd", states("08", "09"),
                        LocalDate.of(2020, 11, 16), PlannedCooperation.joining("14", "2022-01-03")),
                new PlannedCooperation(id(random, CooperationId::of), "EfA-Kooperation Ost", states("11", "12", "14", "15", "16"),
                        LocalDate.of(2021, 1, 15), PlannedCooperation.joining()),
                new PlannedCooperation(id(random, CooperationId::of), "Länderübergreifende EfA-Nachnutzung",
                        states("03", "09", "16"), LocalDate.of(2022, 6, 1), PlannedCooperation.joining(
                        "14", "2022-07-01", "06", "2022-09-15", "05", "2022-11-01", "01", "2023-01-02",
                        "08", "2023-03-01", "02", "2023-04-17", "04", "2023-06-01", "13", "2023-09-01",
                        "15", "2023-11-15", "12", "2024-02-01", "11", "2024-04-02", "07", "2024-07-01",
                        "10", "2024-10-01")));
    }

    private static List<PlannedVersion> versions(Random random, OfferedService offered) {
        List<PlannedVersion> versions = new ArrayList<>();
        LocalDate released = FIRST_RELEASE.plusDays(random.nextInt(900));
        int maturity = offered.maturity();
        versions.add(new PlannedVersion(ServiceVersion.parse("1.0.0"), maturity, released));
        if (random.nextDouble() < 0.6) {
            boolean major = random.nextBoolean();
            released = min(LocalDate.of(2025, 10, 1), released.plusDays(180 + random.nextInt(520)));
            maturity = Math.min(4, maturity + 1);
            versions.add(new PlannedVersion(ServiceVersion.parse(major ? "2.0.0" : "1.1.0"), maturity, released));
            if (random.nextDouble() < 0.3) {
                released = min(LocalDate.of(2026, 6, 1), released.plusDays(180 + random.nextInt(320)));
                versions.add(new PlannedVersion(ServiceVersion.parse(major ? "2.1.0" : "2.0.0"), Math.min(4, maturity + 1),
                        released));
            }
        }
        return versions;
    }

    /**
     * The providing state brings its service to all its municipalities or to most districts; other states adopt
     * EFA services once they share a cooperation with the provider: whole states, some districts, or single
     * municipalities that go ahead on their own.
     */
    private static void rollOut(Random random, PlannedService service, StateCode state, Map<DistrictKey, List<Ags>> districts,
                                List<PlannedCooperation> cooperations, List<PlannedAdoption> adoptions) {
        LocalDate from = service.versions().get(0).releasedOn();
        double roll = random.nextDouble();
        Rollout rollout;
        if (state.equals(service.provider())) {
            rollout = roll < 0.75 ? Rollout.STATE_WIDE : Rollout.DISTRICTS;
        } else {
            Optional<LocalDate> shared = cooperations.stream().map(c -> c.sharedFrom(service.provider(), state))
                    .flatMap(Optional::stream).min(Comparator.naturalOrder());
            if (service.offered().reuse() != ReuseModel.EFA || shared.isEmpty() || random.nextDouble() >= 0.74) {
                return;
            }
            from = max(from, shared.get());
            rollout = roll < 0.5 ? Rollout.STATE_WIDE : roll < 0.85 ? Rollout.DISTRICTS : Rollout.SINGLE_MUNICIPALITIES;
        }
        switch (rollout) {
            case STATE_WIDE -> {
                LocalDate day = dayFrom(random, from);
                districts.values().forEach(list -> list.forEach(ags -> adoptions.add(adoption(random, ags, service, day, rollout))));
            }
            case DISTRICTS -> {
                double share = state.equals(service.provider()) ? 0.6 + random.nextDouble() * 0.35 : 0.2 + random.nextDouble() * 0.6;
                for (List<Ags> district : districts.values()) {
                    if (random.nextDouble() < share) {
                        LocalDate day = dayFrom(random, from);
                        district.forEach(ags -> adoptions.add(adoption(random, ags, service, day, rollout)));
                    }
                }
            }
            case SINGLE_MUNICIPALITIES -> {
                List<Ags> all = new ArrayList<>();
                districts.values().forEach(all::addAll);
                Collections.shuffle(all, random);
                for (Ags ags : all.subList(0, Math.min(all.size(), 1 + random.nextInt(15)))) {
                    adoptions.add(adoption(random, ags, service, dayFrom(random, from), rollout));
                }
            }
        }
    }

    private static PlannedAdoption adoption(Random random, Ags ags, PlannedService service, LocalDate day, Rollout rollout) {
        return new PlannedAdoption(id(random, AdoptionId::of), ags, service, service.releasedBy(day).version(), day, rollout);
    }

    /** A day within three years of the first possible one, never after 2026. */
    private static LocalDate dayFrom(Random random, LocalDate first) {
        long span = Math.min(1_100, ChronoUnit.DAYS.between(first, LAST_DAY));
        return first.plusDays(span <= 0 ? 0 : random.nextInt((int) span + 1));
    }

    /**
     * First versions with the fewest adoptions are retired (so the moves stay a small part of the seed), on a day
     * after their successor's release — which lies after every adoption of them, since each adoption took the latest
     * version released by its day.
     */
    private static List<PlannedRetirement> retirements(Random random, List<PlannedService> services, List<PlannedAdoption> adoptions) {
        Map<String, Integer> onFirstVersion = new HashMap<>();
        for (PlannedAdoption a : adoptions) {
            if (a.version().equals(a.service().versions().get(0).version())) {
                onFirstVersion.merge(a.service().id().value(), 1, Integer::sum);
            }
        }
        List<PlannedService> candidates = new ArrayList<>(services.stream().filter(s -> s.versions().size() > 1
                && onFirstVersion.getOrDefault(s.id().value(), 0) > 0).toList());
        candidates.sort(Comparator.comparing((PlannedService s) -> onFirstVersion.get(s.id().value()))
                .thenComparing(s -> s.offered().name()));
        List<PlannedRetirement> retirements = new ArrayList<>();
        for (PlannedService s : candidates.subList(0, Math.min(RETIREMENTS, candidates.size()))) {
            PlannedVersion successor = s.versions().get(1);
            retirements.add(new PlannedRetirement(s, s.versions().get(0).version(),
                    min(LAST_DAY, successor.releasedOn().plusDays(30 + random.nextInt(210))), successor.version()));
        }
        return retirements;
    }

    /** Other superseded versions are announced to end a year after their successor came out. */
    private static List<PlannedDeprecation> deprecations(List<PlannedService> services, List<PlannedRetirement> retirements) {
        Set<ServiceId> retiring = new HashSet<>();
        retirements.forEach(r -> retiring.add(r.service().id()));
        return services.stream().filter(s -> s.versions().size() > 1 && !retiring.contains(s.id())).limit(DEPRECATIONS)
                .map(s -> new PlannedDeprecation(s, s.versions().get(0).version(),
                        s.versions().get(1).releasedOn().plusYears(1), s.versions().get(1).version())).toList();
    }

    private static GermanyRegisterPlan cut(List<Ags> municipalities, double scale, List<PlannedCooperation> cooperations,
                                           List<PlannedService> services, List<PlannedAdoption> adoptions,
                                           List<PlannedTermination> terminations, List<PlannedRetirement> retirements,
                                           List<PlannedDeprecation> deprecations) {
        if (scale == 1) {
            return new GermanyRegisterPlan(municipalities, cooperations, services, adoptions, terminations, retirements, deprecations);
        }
        // a random share of each state's municipalities, at least one (the city states have one or two), drawn with
        // a seed of its own so that the full plan stays the same
        Random draw = new Random(RANDOM_SEED + 1);
        Map<StateCode, List<Ags>> byState = new TreeMap<>();
        municipalities.forEach(ags -> byState.computeIfAbsent(ags.state(), s -> new ArrayList<>()).add(ags));
        Set<Ags> kept = new HashSet<>();
        for (List<Ags> state : byState.values()) {
            Collections.shuffle(state, draw);
            kept.addAll(state.subList(0, (int) Math.ceil(scale * state.size())));
        }
        return new GermanyRegisterPlan(municipalities, cooperations, services,
                adoptions.stream().filter(a -> kept.contains(a.ags())).toList(),
                terminations.stream().filter(t -> kept.contains(t.adoption().ags())).toList(), retirements, deprecations);
    }

    // --- what the plan holds ---

    /** The municipalities the plan lets adopt. */
    List<Ags> municipalities() {
        return municipalities;
    }

    List<PlannedCooperation> cooperations() {
        return cooperations;
    }

    List<PlannedService> services() {
        return services;
    }

    List<PlannedAdoption> adoptions() {
        return adoptions;
    }

    List<PlannedTermination> terminations() {
        return terminations;
    }

    List<PlannedRetirement> retirements() {
        return retirements;
    }

    List<PlannedDeprecation> deprecations() {
        return deprecations;
    }

    long crossBorderAdoptions() {
        return adoptions.stream().filter(PlannedAdoption::crossBorder).count();
    }

    /** Adoptions the retirement process moves to a successor. */
    long movedByRetirements() {
        Set<String> retired = new HashSet<>();
        retirements.forEach(r -> retired.add(r.service().id() + "/" + r.version()));
        return adoptions.stream().filter(a -> retired.contains(a.service().id() + "/" + a.version())).count();
    }

    long providingStates() {
        return services.stream().map(PlannedService::provider).distinct().count();
    }

    /** Adoptions per adopting state, in the order of state codes. */
    Map<StateCode, List<PlannedAdoption>> adoptionsByState() {
        Map<StateCode, List<PlannedAdoption>> byState = new TreeMap<>();
        adoptions.forEach(a -> byState.computeIfAbsent(a.ags().state(), s -> new ArrayList<>()).add(a));
        return byState;
    }

    private static List<StateCode> states(String... codes) {
        return java.util.Arrays.stream(codes).map(StateCode::of).toList();
    }

    /** An id drawn from the plan's random numbers (a version-4 UUID), so that ids are the same on every run. */
    private static <T> T id(Random random, java.util.function.Function<String, T> of) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return of.apply(new UUID(most, least).toString());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
