package de.efa.registry.query.cooperation;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.register.Cooperation;
import de.efa.registry.query.register.RegisterRecords;
import de.efa.registry.query.web.Page;
import de.efa.registry.query.web.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cooperations: one by id ({@code _id}); the list reads the whole collection, which stays tiny (a handful of
 * agreements between sixteen states).
 */
@RestController
@Tag(name = ApiTags.COOPERATIONS)
@RequestMapping(path = "/api/v1/cooperations", produces = MediaType.APPLICATION_JSON_VALUE)
class CooperationQueryController {

    private final ActiveVersions versions;

    CooperationQueryController(ActiveVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/{cooperationId}")
    @Operation(operationId = "getCooperation", summary = "A cooperation with its members",
            description = "Its members with the day each joined and, when it left, the day it left.")
    CooperationEntry cooperation(@PathVariable CooperationId cooperationId) {
        return RegisterRecords.active(versions).cooperation(cooperationId.value()).map(CooperationEntry::of)
                .orElseThrow(() -> RegistryProblem.notFound("Cooperation", cooperationId));
    }

    @GetMapping
    @Operation(operationId = "listCooperations", summary = "All cooperations",
            description = "Every cooperation with its members; paged.")
    Page<CooperationEntry> cooperations(@RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<Cooperation> all = new ArrayList<>(RegisterRecords.active(versions).cooperations());
        all.sort(Comparator.comparing(Cooperation::name).thenComparing(Cooperation::cooperationId));
        return request.cut(all, CooperationEntry::of);
    }
}
