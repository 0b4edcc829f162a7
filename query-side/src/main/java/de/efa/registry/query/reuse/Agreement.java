package de.efa.registry.query.reuse;

import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;

/**
 * A reuse agreement as recorded: its parties and legal basis, the days it is valid ({@code validFrom} through
 * {@code validTo}, or until the day before {@code endsOn} once terminated), who proposed and who countersigned it.
 */
public record Agreement(String agreementId, String serviceId, String providingState, String adoptingState,
                        String legalBasis, String reference, String validFrom,
                        @Schema(types = {"string", "null"}, description = "The last valid day; null: open-ended") String validTo,
                        String status, String proposedBy, String proposedOn,
                        @Schema(types = {"string", "null"}) String signedBy,
                        @Schema(types = {"string", "null"}) String signedOn,
                        @Schema(types = {"string", "null"}, description = "After a termination: the first day it no "
                                + "longer holds") String endsOn,
                        @Schema(types = {"string", "null"}) String terminatedBy) {

    static Agreement of(Document stored) {
        return new Agreement(stored.getString("agreementId"), stored.getString("serviceId"),
                stored.getString("providingState"), stored.getString("adoptingState"), stored.getString("legalBasis"),
                stored.getString("reference"), stored.getString("validFrom"), stored.getString("validTo"),
                stored.getString("status"), stored.getString("proposedBy"), stored.getString("proposedOn"),
                stored.getString("signedBy"), stored.getString("signedOn"), stored.getString("endsOn"),
                stored.getString("terminatedBy"));
    }

    boolean concerns(String state) {
        return state.equals(providingState) || state.equals(adoptingState);
    }
}
