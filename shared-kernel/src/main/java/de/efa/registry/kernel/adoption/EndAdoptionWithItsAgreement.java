package de.efa.registry.kernel.adoption;

import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.reuse.AgreementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * From the agreement-end process: an adoption that rests on {@code agreementId} alone ends on the day the agreement
 * ends. A repeat, or an adoption that ended by then anyway, changes nothing.
 */
public record EndAdoptionWithItsAgreement(@TargetAggregateIdentifier Ags ags, AdoptionId adoptionId,
                                          AgreementId agreementId, LocalDate endsOn) {
}
