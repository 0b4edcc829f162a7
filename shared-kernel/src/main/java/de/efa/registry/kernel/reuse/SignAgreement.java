package de.efa.registry.kernel.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The other side countersigns a proposed agreement on {@code signedOn}. */
public record SignAgreement(@TargetAggregateIdentifier AgreementId agreementId, StateCode state, LocalDate signedOn) {
}
