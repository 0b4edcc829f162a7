package de.efa.registry.command.reuse;

import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.reuse.AgreementId;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The process's memory in maps, for tests of its decisions without a store. */
final class InMemoryAgreementLedger implements AgreementLedger {

    private record Resting(Ags ags, AgreementId agreementId, boolean running) {
    }

    private final Map<AgreementId, Ending> endings = new HashMap<>();
    private final Set<AgreementId> done = new HashSet<>();
    private final Map<AdoptionId, Resting> adoptions = new LinkedHashMap<>();

    @Override
    public void ended(AgreementId agreementId, LocalDate endsOn, StateCode providingState, StateCode adoptingState) {
        endings.put(agreementId, new Ending(endsOn, providingState, adoptingState));
    }

    @Override
    public Optional<Ending> endingOf(AgreementId agreementId) {
        return Optional.ofNullable(endings.get(agreementId));
    }

    @Override
    public void done(AgreementId agreementId) {
        done.add(agreementId);
    }

    @Override
    public boolean isDone(AgreementId agreementId) {
        return done.contains(agreementId);
    }

    @Override
    public void restsOn(AdoptionId adoptionId, Ags ags, AgreementId agreementId) {
        adoptions.put(adoptionId, new Resting(ags, agreementId, true));
    }

    @Override
    public void stopped(AdoptionId adoptionId) {
        adoptions.computeIfPresent(adoptionId, (id, r) -> new Resting(r.ags(), r.agreementId(), false));
    }

    @Override
    public List<RestingAdoption> runningOn(AgreementId agreementId) {
        return adoptions.entrySet().stream()
                .filter(e -> e.getValue().running() && e.getValue().agreementId().equals(agreementId))
                .map(e -> new RestingAdoption(e.getKey(), e.getValue().ags()))
                .toList();
    }
}
