package de.efa.registry.kernel.reuse;

import de.efa.registry.kernel.municipality.StateCode;

import java.time.LocalDate;

/** The second state countersigned: the agreement is in force for its days of validity. */
public record AgreementSigned(AgreementId agreementId, StateCode signedBy, LocalDate signedOn) {
}
