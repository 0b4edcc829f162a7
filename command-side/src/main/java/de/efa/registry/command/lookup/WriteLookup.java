package de.efa.registry.command.lookup;

import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;

import java.util.List;
import java.util.Optional;

/**
 * The write side's own view of other aggregates, kept in step with the event store in the same unit of work. Rules
 * that span aggregates read it; the eventually consistent query models never decide a command.
 */
public interface WriteLookup {

    Optional<ServiceFacts> service(ServiceId serviceId);

    Optional<MunicipalityFacts> municipality(Ags ags);

    /** Every municipality ever recorded, dissolved ones included (a directory diff and bulk adoptions need them all). */
    List<MunicipalityFacts> allMunicipalities();

    /** Every region above the municipalities ever recorded, dissolved ones included (a directory diff needs them all). */
    List<RegionFacts> allRegions();

    List<CooperationFacts> cooperations();

    List<AgreementFacts> agreements();

    Optional<AdoptionFacts> adoption(AdoptionId adoptionId);

    Optional<AuthorityFacts> authority(AuthorityId authorityId);

    /** Services, cooperations and authorities for one rule check; an implementation may serve them from a cache it knows current. */
    default RuleFacts ruleFacts() {
        return new RuleFacts() {
            @Override
            public Optional<ServiceFacts> service(ServiceId serviceId) {
                return WriteLookup.this.service(serviceId);
            }

            @Override
            public List<CooperationFacts> cooperations() {
                return WriteLookup.this.cooperations();
            }

            @Override
            public Optional<AuthorityFacts> authority(AuthorityId authorityId) {
                return WriteLookup.this.authority(authorityId);
            }

            @Override
            public List<AgreementFacts> agreements() {
                return WriteLookup.this.agreements();
            }
        };
    }
}
