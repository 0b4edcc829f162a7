package de.efa.registry.query.lookup;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.projection.ProjectionStore;
import de.efa.registry.query.register.Adoption;
import de.efa.registry.query.register.RegisterRecords;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import de.efa.registry.query.register.Authority;
import de.efa.registry.query.register.RegisterRecords;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /lookup/{ags}}: which online services serve a municipality on a day, in which version, from whom, and
 * whether across a state border. One read of the municipality's document by {@code _id}, kept in memory while it stays
 * current ({@link LookupCache}); service details come from the {@link ServiceCatalogue}, in memory.
 */
@RestController
@Tag(name = ApiTags.LOOKUP)
@RequestMapping(path = "/api/v1/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
class LookupController {

    /** "Today" for a German register is the day in Germany. */
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private static final Comparator<LookupAnswer.Row> BY_KEY_AND_PROVIDER =
            Comparator.comparing(LookupAnswer.Row::leikaKey, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(LookupAnswer.Row::providingState, Comparator.nullsLast(Comparator.naturalOrder()));

    private final ActiveVersions versions;
    private final ServiceCatalogue catalogue;
    private final LookupCache cache;
    private final Clock clock = Clock.system(GERMANY);

    LookupController(ActiveVersions versions, ServiceCatalogue catalogue, LookupCache cache) {
        this.versions = versions;
        this.catalogue = catalogue;
        this.cache = cache;
    }

    @GetMapping("/{ags}")
    @Operation(operationId = "lookupMunicipality", summary = "Which online services a municipality offers",
            description = "The services a municipality offers on a date (asOf, default today), with version, maturity, "
                    + "since when, whether the service crosses a state border and which authority handles its "
                    + "applications there; optionally for one LeiKa key. What a citizen portal needs.")
    LookupAnswer lookup(@PathVariable Ags ags,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                        @RequestParam(required = false) LeikaKey leikaKey) {
        String day = (asOf == null ? LocalDate.now(clock) : asOf).toString();
        ProjectionStore store = versions.active(LookupProjection.NAME);
        LookupDocument municipality = cache.document(store, ags.value(),
                () -> LookupDocument.read(store.collection(LookupProjection.MUNICIPALITIES), ags.value()));
        if (municipality == null || municipality.name() == null) {
            throw RegistryProblem.notFound("Municipality", ags);
        }
        List<Interval> serving = municipality.servingOn(day);
        Map<String, ServiceFacts> services = serving.isEmpty() ? Map.of() : catalogue.services(store, serving);
        String state = municipality.state();
        List<LookupAnswer.Row> rows = new ArrayList<>(serving.size());
        // only a municipality served across a border pays the read of the register that names the legal bases
        Map<String, Adoption.LegalBasis> bases = null;
        for (Interval interval : serving) {
            ServiceFacts service = services.get(interval.serviceId());
            if (service == null || (leikaKey != null && !leikaKey.value().equals(service.leikaKey()))) {
                continue;
            }
            boolean crossBorder = !state.equals(service.providingState());
            if (crossBorder && bases == null) {
                bases = RegisterRecords.active(versions).legalBases(ags.value());
            }
            rows.add(new LookupAnswer.Row(interval.serviceId(), service.leikaKey(), service.name(),
                    service.providingState(), interval.version(), service.maturity(interval.version()),
                    interval.validFrom(), crossBorder, interval.adoptionId(), interval.validTo(),
                    service.maturityModel(interval.version()), crossBorder ? bases.get(interval.adoptionId()) : null,
                    null));
        }
        rows.sort(BY_KEY_AND_PROVIDER);
        rows = withAuthorities(rows, municipality, day);
        return new LookupAnswer(ags.value(), municipality.name(), state, day, rows);
    }

    /** The responsible authority of each row on the day, named as the register records it now (one read per authority). */
    private List<LookupAnswer.Row> withAuthorities(List<LookupAnswer.Row> rows, LookupDocument municipality, String day) {
        if (municipality.authorities().isEmpty()) {
            return rows;
        }
        RegisterRecords register = RegisterRecords.active(versions);
        Map<String, LookupAnswer.Authority> named = new HashMap<>();
        List<LookupAnswer.Row> result = new ArrayList<>(rows.size());
        for (LookupAnswer.Row row : rows) {
            String authorityId = municipality.authorityOn(row.adoptionId(), day);
            LookupAnswer.Authority authority = authorityId == null ? null : named.computeIfAbsent(authorityId,
                    id -> new LookupAnswer.Authority(id, register.authority(id).map(Authority::name).orElse(null)));
            result.add(new LookupAnswer.Row(row.serviceId(), row.leikaKey(), row.name(), row.providingState(),
                    row.version(), row.maturityLevel(), row.since(), row.crossBorder(), row.adoptionId(),
                    row.validTo(), row.maturityModel(), row.legalBasis(), authority));
        }
        return result;
    }
}
