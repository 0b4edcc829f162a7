package de.efa.registry.query.register;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;

import java.util.List;
import java.util.Map;

/**
 * An online service as {@code GET /services} shows it. The adoption counts ({@code adoptions} of the service and of
 * each version) come only with a single service: a list would have to read every service's adoptions.
 */
record ServiceView(String serviceId, String leikaKey, String name, String providingState, String reuse,
                   @Schema(types = {"string", "null"}) String topic,
                   @Schema(types = {"string", "null"}) String description, List<PublishedVersion> versions,
                   @JsonInclude(JsonInclude.Include.NON_NULL) CurrentAdoptions adoptions) {

    /** The service with its adoption counts, or without them where {@code counts} is null. */
    @SuppressWarnings("unchecked")
    static ServiceView of(Document service, AdoptionCounts counts) {
        List<PublishedVersion> versions = ((List<Document>) service.get("versions", List.class)).stream()
                .map(version -> PublishedVersion.of(version, counts))
                .toList();
        return new ServiceView(service.getString("serviceId"), service.getString("leikaKey"), service.getString("name"),
                service.getString("providingState"), service.getString("reuse"), service.getString("topic"),
                service.getString("description"), versions,
                counts == null ? null : new CurrentAdoptions(counts.total(), counts.byState()));
    }

    /**
     * A published version and where it stands: sunset day once deprecated, retirement day once retired, the successor
     * its adoptions should move to, and its current adoptions.
     */
    record PublishedVersion(String version, String status, Integer maturityLevel, String releasedOn,
                            @Schema(types = {"string", "null"}) String sunsetOn,
                            @Schema(types = {"string", "null"}) String retiredOn,
                            @Schema(types = {"string", "null"}) String successor,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long adoptions) {

        static PublishedVersion of(Document version, AdoptionCounts counts) {
            String name = version.getString("version");
            return new PublishedVersion(name, version.getString("status"), version.getInteger("maturityLevel"),
                    version.getString("releasedOn"), version.getString("sunsetOn"), version.getString("retiredOn"),
                    version.getString("successor"), counts == null ? null : counts.byVersion().getOrDefault(name, 0L));
        }
    }

    /** The service's adoptions that have not ended, in all and per adopting state. */
    record CurrentAdoptions(long total, Map<String, Long> byState) {
    }
}
