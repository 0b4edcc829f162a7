package de.efa.registry.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The register as it stood at one instant, rebuilt from the history alone.
 *
 * @param asOf the instant: every event recorded at or before it counts, none after
 */
record RegisterAsOf(Instant asOf, List<Service> services, List<Cooperation> cooperations, List<Authority> authorities) {

    /**
     * @param destinationId     its FIT-Connect destination at that instant, null while it had none
     * @param handledAdoptions  ACTIVE adoptions whose latest named authority it was at that instant
     */
    @Schema(name = "AuthorityAsOf")
    record Authority(String authorityId, String state, String name,
                     @Schema(types = {"string", "null"}) String destinationId, long handledAdoptions) {
    }

    /** @param activeAdoptions adoptions of the service that were ACTIVE (not ended, not unsupported) at that instant */
    @Schema(name = "ServiceAsOf")
    record Service(String serviceId, String name, String providingState, List<Version> versions, long activeAdoptions) {
    }

    /** @param onlineStatus the online status recorded last before that instant; absent if none was */
    @Schema(name = "VersionAsOf")
    record Version(String version, String status,
                   @JsonInclude(JsonInclude.Include.NON_NULL)
                   @Schema(allowableValues = {"ok", "nicht ok"}) String onlineStatus) {
    }

    /**
     * @param status  {@code PENDING} while founding states have yet to sign (no members then), {@code ACTIVE} once
     *                every founder signed
     */
    @Schema(name = "CooperationAsOf")
    record Cooperation(String cooperationId, String name, @Schema(allowableValues = {"PENDING", "ACTIVE"}) String status,
                       List<Member> members) {
    }

    /** @param leftOn null while the membership lasted at that instant */
    @Schema(name = "MemberAsOf")
    record Member(String state, LocalDate joinedOn, @Schema(types = {"string", "null"}, format = "date") LocalDate leftOn) {
    }
}
