package de.efa.registry.kernel.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** One side ends a signed agreement: {@code endsOn} is the first day it no longer holds. */
public record TerminateAgreement(@TargetAggregateIdentifier AgreementId agreementId, StateCode state, LocalDate endsOn) {
}
