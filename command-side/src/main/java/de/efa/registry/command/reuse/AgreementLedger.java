package de.efa.registry.command.reuse;

import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.reuse.AgreementId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The agreement-end process's own memory, built only from the events it processed, in stream order: which adoptions
 * rest on which agreement and still run, and which agreements ended when. Whichever of "adoption under the agreement"
 * and "agreement terminated" comes second finds the other.
 */
interface AgreementLedger {

    record Ending(LocalDate endsOn, StateCode providingState, StateCode adoptingState) {
    }

    record RestingAdoption(AdoptionId adoptionId, Ags ags) {
    }

    void ended(AgreementId agreementId, LocalDate endsOn, StateCode providingState, StateCode adoptingState);

    Optional<Ending> endingOf(AgreementId agreementId);

    /** The process has ended every adoption that rested on the agreement when it saw the termination. */
    void done(AgreementId agreementId);

    boolean isDone(AgreementId agreementId);

    void restsOn(AdoptionId adoptionId, Ags ags, AgreementId agreementId);

    /** The adoption ended (for whatever reason): no later termination ends it again. */
    void stopped(AdoptionId adoptionId);

    /** The adoptions resting on the agreement that still run. */
    List<RestingAdoption> runningOn(AgreementId agreementId);
}
