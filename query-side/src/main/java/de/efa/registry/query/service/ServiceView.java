package de.efa.registry.query.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import de.efa.registry.query.register.Service;

import java.util.List;
import java.util.Map;

/**
 * An online service as {@code GET /services} shows it. The adoption counts ({@code adoptions} of the service and of
 * each version) come only with a single service: a list would have to read every service's adoptions.
 */
record ServiceView(String serviceId, String leikaKey, String name, String providingState, String reuse,
                   @Schema(types = {"string", "null"}) String topic,
                   @Schema(types = {"string", "null"}) String description,
                   @Schema(types = {"integer", "null"}, description = "The OZG catalogue's number (OZG-ID)") Integer ozgId,
                   @Schema(types = {"string", "null"}, description = "The OZG catalogue's name") String ozgName,
                   @Schema(types = {"string", "null"}, description = "The LeiKa catalogue's name") String leikaName,
                   @Schema(types = {"integer", "null"}, description = "The LeiKa typisation, 1 to 10") Integer typisierung,
                   @Schema(description = "false: not counted by the Dashboard Digitale Verwaltung") boolean evaluated,
                   List<PublishedVersion> versions,
                   @JsonInclude(JsonInclude.Include.NON_NULL) CurrentAdoptions adoptions) {

    /** The service with its adoption counts, or without them where {@code counts} is null. */
    static ServiceView of(Service service, AdoptionCounts counts) {
        List<PublishedVersion> versions = service.versions().stream()
                .map(version -> PublishedVersion.of(version, counts))
                .toList();
        return new ServiceView(service.serviceId(), service.leikaKey(), service.name(), service.providingState(),
                service.reuse(), service.topic(), service.description(), service.catalogue().ozgId(),
                service.catalogue().ozgName(), service.catalogue().leikaName(), service.catalogue().typisierung(),
                service.catalogue().evaluated(), versions,
                counts == null ? null : new CurrentAdoptions(counts.total(), counts.byState(), counts.population(),
                        counts.planned(), counts.plannedByState(), counts.populationPlanned()));
    }

    /**
     * A published version and where it stands: sunset day once deprecated, retirement day once retired, the successor
     * its adoptions should move to, and its adoptions serving on the day asked for.
     */
    record PublishedVersion(String version, String status, Integer maturityLevel,
                            @Schema(description = "The model of maturityLevel: OZG-1.0 (levels 0–4) or OZG-2.0 (0–7)")
                            String maturityModel, String releasedOn,
                            @Schema(types = {"string", "null"}) String sunsetOn,
                            @Schema(types = {"string", "null"}) String retiredOn,
                            @Schema(types = {"string", "null"}) String successor,
                            @Schema(types = {"string", "null"}, allowableValues = {"ok", "nicht ok"},
                                    description = "Whether the version's URL answered when last checked (link checker "
                                            + "or owner); null before the first check") String onlineStatus,
                            @Schema(types = {"string", "null"}, format = "date-time",
                                    description = "When the check that recorded onlineStatus was made") String onlineStatusCheckedAt,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long adoptions) {

        static PublishedVersion of(Service.Version version, AdoptionCounts counts) {
            String name = version.version();
            return new PublishedVersion(name, version.status(), version.maturityLevel(), version.maturityModel(),
                    version.releasedOn(),
                    version.sunsetOn(), version.retiredOn(), version.successor(),
                    version.onlineStatus(), version.onlineStatusCheckedAt(),
                    counts == null ? null : counts.byVersion().getOrDefault(name, 0L));
        }
    }

    /**
     * The service's adoptions on the day asked for (today by default) by their effective dates: those serving then
     * (live), in all and per adopting state, and those taking effect later (planned), each with their population.
     */
    record CurrentAdoptions(@Schema(description = "adoptions serving on the day (live)") long total,
                            Map<String, Long> byState,
                            @Schema(description = "population of the municipalities of the live adoptions") long population,
                            @Schema(description = "adoptions taking effect after the day") long planned,
                            Map<String, Long> plannedByState,
                            @Schema(description = "population of the municipalities of the planned adoptions") long populationPlanned) {
    }
}
