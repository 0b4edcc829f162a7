package de.efa.registry.kernel.cooperation;

import de.efa.registry.kernel.municipality.StateCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Found a cooperation of at least two distinct states. {@code proposedBy} is the founding state that signed on
 * {@code signedOn}; the others sign later ({@link SignCooperation}). Without one (an ADMIN recording an agreement all
 * founders signed, the demo seeds) every founder signed on {@code signedOn}.
 */
public record FoundCooperation(@TargetAggregateIdentifier CooperationId cooperationId, String name,
                               List<StateCode> foundingStates, LocalDate signedOn, StateCode proposedBy) {

    /** An agreement every founding state signed on {@code signedOn}. */
    public FoundCooperation(CooperationId cooperationId, String name, List<StateCode> foundingStates, LocalDate signedOn) {
        this(cooperationId, name, foundingStates, signedOn, null);
    }
}
