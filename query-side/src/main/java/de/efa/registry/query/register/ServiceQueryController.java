package de.efa.registry.query.register;

import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.VersionStatus;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.municipality.Municipality;
import de.efa.registry.query.municipality.MunicipalityDirectory;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.projection.ProjectionStore;
import de.efa.registry.query.web.Page;
import de.efa.registry.query.web.PageRequest;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads of the service register. */
@RestController
@RequestMapping(path = "/api/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
class ServiceQueryController {

    private final ActiveVersions versions;
    private final ServiceDirectory directory;
    private final MunicipalityDirectory municipalities;

    ServiceQueryController(ActiveVersions versions, ServiceDirectory directory, MunicipalityDirectory municipalities) {
        this.versions = versions;
        this.directory = directory;
        this.municipalities = municipalities;
    }

    @GetMapping("/{serviceId}")
    ServiceView service(@PathVariable ServiceId serviceId) {
        ProjectionStore store = versions.active(RegisterProjection.NAME);
        Document service = require(store, serviceId);
        return ServiceView.of(service, AdoptionCounts.of(ServiceAdoptions.read(store, serviceId.value(), null)));
    }

    @GetMapping
    Page<ServiceView> services(@RequestParam(required = false) StateCode providingState,
                               @RequestParam(required = false) LeikaKey leikaKey,
                               @RequestParam(required = false) String topic,
                               @RequestParam(required = false) VersionStatus status,
                               @RequestParam(required = false) String q,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.GERMAN);
        List<Document> matching = directory.all().stream()
                .filter(s -> providingState == null || providingState.value().equals(s.getString("providingState")))
                .filter(s -> leikaKey == null || leikaKey.value().equals(s.getString("leikaKey")))
                .filter(s -> topic == null || topic.equalsIgnoreCase(s.getString("topic")))
                .filter(s -> status == null || hasVersionIn(s, status))
                .filter(s -> needle == null || contains(s, needle))
                .toList();
        return request.cut(matching, s -> ServiceView.of(s, null));
    }

    @GetMapping("/{serviceId}/adoptions")
    Page<AdoptingMunicipality> adoptions(@PathVariable ServiceId serviceId,
                                         @RequestParam(required = false) StateCode state,
                                         @RequestParam(required = false) AdoptionStatus status,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        ProjectionStore store = versions.active(RegisterProjection.NAME);
        require(store, serviceId);
        MunicipalityDirectory.Snapshot directory = municipalities.current();
        List<AdoptingMunicipality> rows = new ArrayList<>();
        for (Document perState : ServiceAdoptions.read(store, serviceId.value(), state)) {
            Document adoptions = perState.get("a", Document.class);
            if (adoptions == null) {
                continue;
            }
            for (Map.Entry<String, Object> entry : adoptions.entrySet()) {
                Document adoption = (Document) entry.getValue();
                if (status != null && !status.name().equals(adoption.getString("st"))) {
                    continue;
                }
                String ags = adoption.getString("g");
                Municipality municipality = directory.get(ags);
                rows.add(new AdoptingMunicipality(entry.getKey(), ags, municipality == null ? null : municipality.name(),
                        ags.substring(0, 2), adoption.getString("v"), adoption.getString("st"), adoption.getString("f"),
                        adoption.getString("e")));
            }
        }
        rows.sort(Comparator.comparing(AdoptingMunicipality::ags).thenComparing(AdoptingMunicipality::since)
                .thenComparing(AdoptingMunicipality::adoptionId));
        return request.cut(rows, row -> row);
    }

    private static Document require(ProjectionStore store, ServiceId serviceId) {
        Document service = store.collection(RegisterProjection.SERVICES).find(new Document("_id", serviceId.value())).first();
        if (service == null || service.getString("serviceId") == null) {
            throw RegistryProblem.notFound("Service", serviceId);
        }
        return service;
    }

    @SuppressWarnings("unchecked")
    private static boolean hasVersionIn(Document service, VersionStatus status) {
        return ((List<Document>) service.get("versions", List.class)).stream()
                .anyMatch(v -> status.name().equals(v.getString("status")));
    }

    private static boolean contains(Document service, String needle) {
        for (String field : List.of("name", "description", "leikaKey", "topic")) {
            String value = service.getString(field);
            if (value != null && value.toLowerCase(Locale.GERMAN).contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
