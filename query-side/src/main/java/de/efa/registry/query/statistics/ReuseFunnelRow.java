package de.efa.registry.query.statistics;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One EFA service on its way from offer to use in other states, as of one day: the states an offer reaches (every
 * other state once one is in force), the states that declared interest, the agreements countersigned and not ended,
 * and the municipalities of other states using it (live: in effect that day) or about to (planned: from a later day).
 */
@JsonPropertyOrder({"serviceId", "name", "providingState", "statesOfferedTo", "statesInterested", "agreementsSigned",
        "municipalitiesLive", "municipalitiesPlanned"})
public record ReuseFunnelRow(String serviceId, String name, String providingState, int statesOfferedTo,
                             int statesInterested, int agreementsSigned, long municipalitiesLive,
                             long municipalitiesPlanned) {
}
