package de.efa.registry.command.lookup;

import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.service.ServiceId;

import java.util.List;
import java.util.Optional;

/** The facts about other aggregates that one rule check reads, as of one moment. */
public interface RuleFacts {

    Optional<ServiceFacts> service(ServiceId serviceId);

    List<CooperationFacts> cooperations();

    Optional<AuthorityFacts> authority(AuthorityId authorityId);

    /** Every reuse agreement, signed or not. */
    List<AgreementFacts> agreements();
}
