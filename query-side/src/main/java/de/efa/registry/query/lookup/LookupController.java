package de.efa.registry.query.lookup;

import com.mongodb.client.MongoCollection;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.projection.ProjectionStore;
import org.bson.Document;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /lookup/{ags}}: which online services serve a municipality on a day, in which version, from whom, and
 * whether across a state border. One read of the municipality's document by {@code _id}; service details come from
 * the {@link ServiceCatalogue}.
 */
@RestController
@RequestMapping(path = "/api/v1/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
class LookupController {

    /** "Today" for a German register is the day in Germany. */
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private final ActiveVersions versions;
    private final ServiceCatalogue catalogue;
    private final Clock clock = Clock.system(GERMANY);

    LookupController(ActiveVersions versions, ServiceCatalogue catalogue) {
        this.versions = versions;
        this.catalogue = catalogue;
    }

    @GetMapping("/{ags}")
    Map<String, Object> lookup(@PathVariable Ags ags,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(required = false) LeikaKey leikaKey) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        ProjectionStore store = versions.active(LookupProjection.NAME);
        Document municipality = store.collection(LookupProjection.MUNICIPALITIES).find(new Document("_id", ags.value())).first();
        if (municipality == null || municipality.getString("n") == null) {
            throw RegistryProblem.notFound("Municipality", ags);
        }
        List<Interval> serving = new ArrayList<>();
        for (Document stored : LookupProjection.intervals(municipality)) {
            Interval interval = Interval.of(stored);
            if (interval.contains(day)) {
                serving.add(interval);
            }
        }
        MongoCollection<Document> serviceCollection = store.collection(LookupProjection.SERVICES);
        Map<String, Document> services = serving.isEmpty() ? Map.of() : catalogue.services(serviceCollection, serving);
        String state = municipality.getString("st");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Interval interval : serving) {
            Document service = services.get(interval.serviceId());
            if (service == null || (leikaKey != null && !leikaKey.value().equals(service.getString("k")))) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("serviceId", interval.serviceId());
            row.put("leikaKey", service.getString("k"));
            row.put("name", service.getString("n"));
            row.put("providingState", service.getString("ps"));
            row.put("version", interval.version());
            row.put("maturityLevel", ServiceCatalogue.maturity(service, interval.version()));
            row.put("since", interval.validFrom().toString());
            row.put("crossBorder", !state.equals(service.getString("ps")));
            row.put("adoptionId", interval.adoptionId());
            row.put("validTo", interval.validTo() == null ? null : interval.validTo().toString());
            rows.add(row);
        }
        rows.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("leikaKey"))
                .thenComparing(r -> (String) r.get("providingState")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ags", ags.value());
        body.put("name", municipality.getString("n"));
        body.put("state", state);
        body.put("asOf", day.toString());
        body.put("services", rows);
        return body;
    }
}
