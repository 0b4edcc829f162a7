package de.efa.registry.command.authority;

import de.efa.registry.command.axon.CommandTargets;
import de.efa.registry.kernel.authority.AuthorityChanged;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.authority.AuthorityProfile;
import de.efa.registry.kernel.authority.AuthorityRegistered;
import de.efa.registry.kernel.authority.ChangeAuthority;
import de.efa.registry.kernel.authority.RegisterAuthority;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.kernel.municipality.StateCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An authority (Organisationseinheit) of one state that handles applications — the recipient a routing client sends
 * a citizen's application to. It belongs to its state for good: the OWNER of that state keeps it, and adoptions of
 * that state's municipalities name it. A change that changes nothing records nothing.
 */
@Aggregate(commandTargetResolver = CommandTargets.BEAN)
public class Authority {

    @AggregateIdentifier
    private AuthorityId authorityId;
    private StateCode state;
    private AuthorityProfile profile;

    protected Authority() {
        // for Axon
    }

    @CommandHandler
    public Authority(RegisterAuthority command) {
        apply(new AuthorityRegistered(command.authorityId(), command.state(), command.profile()));
    }

    /** @return whether anything changed */
    @CommandHandler
    boolean handle(ChangeAuthority command) {
        if (!state.equals(command.state())) {
            // adoptions of the old state's municipalities name it: moving it would route their applications abroad
            throw new RuleViolated("authority-state-fixed", "State of an authority cannot change",
                    "Authority " + authorityId + " belongs to state " + state + ", not " + command.state());
        }
        if (profile.equals(command.profile())) {
            return false;
        }
        apply(new AuthorityChanged(authorityId, state, command.profile()));
        return true;
    }

    @EventSourcingHandler
    void on(AuthorityRegistered event) {
        this.authorityId = event.authorityId();
        this.state = event.state();
        this.profile = event.profile();
    }

    @EventSourcingHandler
    void on(AuthorityChanged event) {
        this.profile = event.profile();
    }
}
