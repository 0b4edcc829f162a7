package de.efa.registry.query.municipality;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.register.Municipality;
import de.efa.registry.query.register.RegisterRecords;
import de.efa.registry.query.web.Page;
import de.efa.registry.query.web.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/** The municipality register: one by AGS ({@code _id}), or a filtered page of those in force. */
@RestController
@Tag(name = ApiTags.MUNICIPALITIES)
@RequestMapping(path = "/api/v1/municipalities", produces = MediaType.APPLICATION_JSON_VALUE)
class MunicipalityQueryController {

    private final ActiveVersions versions;
    private final MunicipalityDirectory directory;

    MunicipalityQueryController(ActiveVersions versions, MunicipalityDirectory directory) {
        this.versions = versions;
        this.directory = directory;
    }

    @GetMapping("/{ags}")
    @Operation(operationId = "getMunicipality", summary = "A municipality",
            description = "A municipality of the official directory by its AGS: name, state, district, population, area, "
                    + "postal code, and the directory's Gebietsstand.")
    MunicipalityEntry municipality(@PathVariable Ags ags) {
        return RegisterRecords.active(versions).municipality(ags.value()).map(MunicipalityEntry::of)
                .orElseThrow(() -> RegistryProblem.notFound("Municipality", ags));
    }

    @GetMapping
    @Operation(operationId = "listMunicipalities", summary = "Find municipalities",
            description = "Municipalities filtered by state, district or a text in the name (q); paged.")
    Page<MunicipalityEntry> municipalities(@RequestParam(required = false) StateCode state,
                                           @RequestParam(required = false) DistrictKey district,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.GERMAN);
        List<Municipality> matching = directory.current().all().stream()
                .filter(m -> !m.isDissolved())
                .filter(m -> state == null || state.value().equals(m.state()))
                .filter(m -> district == null || district.value().equals(m.districtKey()))
                .filter(m -> needle == null || m.name().toLowerCase(Locale.GERMAN).contains(needle) || m.ags().startsWith(needle))
                .toList();
        return request.cut(matching, MunicipalityEntry::of);
    }
}
