package de.efa.registry.query.service;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.VersionStatus;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.municipality.MunicipalityDirectory;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.register.Municipality;
import de.efa.registry.query.register.RegisterRecords;
import de.efa.registry.query.register.Service;
import de.efa.registry.query.register.ServiceAdoption;
import de.efa.registry.query.web.Page;
import de.efa.registry.query.web.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.format.annotation.DateTimeFormat;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Reads of the service register. */
@RestController
@Tag(name = ApiTags.SERVICES)
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
    @Operation(operationId = "getService", summary = "A service with its versions and adoption counts",
            description = "The service as the register holds it now: its versions with status, maturity and dates, and "
                    + "its adoptions by effective dates on asOf (default today): those serving then (live; in total, "
                    + "per state and per version, with their population) and those taking effect later (planned).")
    ServiceView service(@PathVariable ServiceId serviceId,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                        @Parameter(description = "the day counted, by effective dates (default: today in Germany)")
                        LocalDate asOf) {
        RegisterRecords register = RegisterRecords.active(versions);
        Service service = require(register, serviceId);
        String day = (asOf == null ? LocalDate.now(ZoneId.of("Europe/Berlin")) : asOf).toString();
        return ServiceView.of(service, AdoptionCounts.of(register.serviceAdoptions(serviceId.value(), null), day,
                municipalities.current()));
    }

    @GetMapping
    @Operation(operationId = "listServices", summary = "Find services",
            description = "Services filtered by providing state, LeiKa key, topic, a version status, or a text in name, "
                    + "topic or description (q); paged.")
    Page<ServiceView> services(@RequestParam(required = false) StateCode providingState,
                               @RequestParam(required = false) LeikaKey leikaKey,
                               @RequestParam(required = false) String topic,
                               @RequestParam(required = false) VersionStatus status,
                               @RequestParam(required = false) String q,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.GERMAN);
        List<Service> matching = directory.all().stream()
                .filter(s -> providingState == null || providingState.value().equals(s.providingState()))
                .filter(s -> leikaKey == null || leikaKey.value().equals(s.leikaKey()))
                .filter(s -> topic == null || topic.equalsIgnoreCase(s.topic()))
                .filter(s -> status == null || hasVersionIn(s, status))
                .filter(s -> needle == null || contains(s, needle))
                .toList();
        return request.cut(matching, s -> ServiceView.of(s, null));
    }

    @GetMapping("/{serviceId}/adoptions")
    @Operation(operationId = "listServiceAdoptions", summary = "The municipalities that adopted a service",
            description = "One row per adoption of the service, filtered by the municipality's state and the adoption's "
                    + "status; paged.")
    Page<AdoptingMunicipality> adoptions(@PathVariable ServiceId serviceId,
                                         @RequestParam(required = false) StateCode state,
                                         @RequestParam(required = false) AdoptionStatus status,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        RegisterRecords register = RegisterRecords.active(versions);
        require(register, serviceId);
        MunicipalityDirectory.Snapshot directory = municipalities.current();
        List<AdoptingMunicipality> rows = new ArrayList<>();
        for (ServiceAdoption adoption : register.serviceAdoptions(serviceId.value(), state)) {
            if (status != null && !status.name().equals(adoption.status())) {
                continue;
            }
            String ags = adoption.ags();
            Municipality municipality = directory.get(ags);
            rows.add(new AdoptingMunicipality(adoption.adoptionId(), ags, municipality == null ? null : municipality.name(),
                    ags.substring(0, 2), adoption.version(), adoption.status(), adoption.effectiveFrom(),
                    adoption.endsOn()));
        }
        rows.sort(Comparator.comparing(AdoptingMunicipality::ags).thenComparing(AdoptingMunicipality::since)
                .thenComparing(AdoptingMunicipality::adoptionId));
        return request.cut(rows, row -> row);
    }

    private static Service require(RegisterRecords register, ServiceId serviceId) {
        return register.service(serviceId.value()).orElseThrow(() -> RegistryProblem.notFound("Service", serviceId));
    }

    private static boolean hasVersionIn(Service service, VersionStatus status) {
        return service.versions().stream().anyMatch(v -> status.name().equals(v.status()));
    }

    private static boolean contains(Service service, String needle) {
        for (String value : Arrays.asList(service.name(), service.description(), service.leikaKey(), service.topic())) {
            if (value != null && value.toLowerCase(Locale.GERMAN).contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
