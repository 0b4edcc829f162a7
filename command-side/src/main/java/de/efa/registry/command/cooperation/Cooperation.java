package de.efa.registry.command.cooperation;

import de.efa.registry.kernel.common.Conflict;
import de.efa.registry.kernel.common.NotFound;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.command.axon.CommandTargets;
import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.CooperationProposed;
import de.efa.registry.kernel.cooperation.CooperationSigned;
import de.efa.registry.kernel.cooperation.CooperationStatus;
import de.efa.registry.kernel.cooperation.FoundCooperation;
import de.efa.registry.kernel.cooperation.JoinCooperation;
import de.efa.registry.kernel.cooperation.LeaveCooperation;
import de.efa.registry.kernel.cooperation.SignCooperation;
import de.efa.registry.kernel.cooperation.StateJoinedCooperation;
import de.efa.registry.kernel.cooperation.StateLeftCooperation;
import de.efa.registry.kernel.municipality.StateCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cooperation agreement (letter of intent) between states. Founded by one state, it is pending until every other
 * founding state has signed; the last signature makes the founders members, from that signature's day on. A state is
 * a member at most once at a time; it may leave and join again later, which opens a new membership.
 */
@Aggregate(commandTargetResolver = CommandTargets.BEAN)
public class Cooperation {

    @AggregateIdentifier
    private CooperationId cooperationId;
    private LocalDate signedOn;
    /** while pending: the founding states and the day each signed (null for those yet to sign); empty once concluded */
    private Map<StateCode, LocalDate> signatures = new LinkedHashMap<>();
    private String name;
    /** the open membership of each current member: since when */
    private Map<StateCode, LocalDate> currentMembers = new TreeMap<>();
    /** the day each former member last left */
    private Map<StateCode, LocalDate> formerMembers = new TreeMap<>();

    protected Cooperation() {
        // for Axon
    }

    @CommandHandler
    public Cooperation(FoundCooperation command) {
        List<StateCode> founders = new ArrayList<>(new LinkedHashSet<>(command.foundingStates()));
        if (founders.size() < 2) {
            throw new RuleViolated("cooperation-needs-two-states", "Too few founding states",
                    "A cooperation is founded by at least two distinct states");
        }
        AgreementDates.today().check("Signing", command.signedOn());
        if (command.proposedBy() == null) {
            apply(new CooperationFounded(command.cooperationId(), command.name(), founders, command.signedOn()));
            return;
        }
        if (!founders.contains(command.proposedBy())) {
            throw new RuleViolated("not-a-founding-state", "Not a founding state",
                    "State " + command.proposedBy() + " proposes a cooperation it is not a founder of");
        }
        apply(new CooperationProposed(command.cooperationId(), command.name(), founders, command.proposedBy(),
                command.signedOn()));
    }

    /** Answers whether the cooperation is still pending after this signature, or in force. */
    @CommandHandler
    CooperationStatus handle(SignCooperation command) {
        if (signatures.isEmpty()) {
            throw new Conflict("Cooperation " + cooperationId + " is no longer pending: every founding state signed");
        }
        if (!signatures.containsKey(command.state())) {
            throw new RuleViolated("not-a-founding-state", "Not a founding state",
                    "State " + command.state() + " is not a founding state of cooperation " + cooperationId);
        }
        if (signatures.get(command.state()) != null) {
            throw new Conflict("State " + command.state() + " signed cooperation " + cooperationId + " on "
                    + signatures.get(command.state()));
        }
        AgreementDates.today().check("Signing", command.signedOn());
        if (command.signedOn().isBefore(signedOn)) {
            throw new RuleViolated("date-before-signing", "Date before signing", "Signing on " + command.signedOn()
                    + " lies before the agreement was proposed on " + signedOn);
        }
        apply(new CooperationSigned(cooperationId, command.state(), command.signedOn()));
        if (!signatures.containsValue(null)) {
            LocalDate lastSignature = signatures.values().stream().max(LocalDate::compareTo).orElseThrow();
            apply(new CooperationFounded(cooperationId, name, List.copyOf(signatures.keySet()), lastSignature));
            return CooperationStatus.ACTIVE;
        }
        return CooperationStatus.PENDING;
    }

    private void requireConcluded() {
        if (!signatures.isEmpty()) {
            throw new RuleViolated("cooperation-pending", "Cooperation pending", "Cooperation " + cooperationId
                    + " is pending until every founding state has signed; states " + unsigned() + " have not");
        }
    }

    private List<StateCode> unsigned() {
        return signatures.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    }

    @CommandHandler
    void handle(JoinCooperation command) {
        requireConcluded();
        if (currentMembers.containsKey(command.state())) {
            throw new Conflict("State " + command.state() + " is already a member of cooperation " + cooperationId);
        }
        if (command.joinedOn().isBefore(signedOn)) {
            throw new RuleViolated("date-before-signing", "Date before signing",
                    "Joining on " + command.joinedOn() + " lies before the agreement was signed on " + signedOn);
        }
        LocalDate left = formerMembers.get(command.state());
        if (left != null && command.joinedOn().isBefore(left)) {
            // a second membership may not cover days of the first one
            throw new RuleViolated("date-before-leaving", "Date before leaving",
                    "Joining again on " + command.joinedOn() + " lies before leaving on " + left);
        }
        AgreementDates.today().check("Joining", command.joinedOn());
        apply(new StateJoinedCooperation(cooperationId, command.state(), command.joinedOn()));
    }

    @CommandHandler
    void handle(LeaveCooperation command) {
        requireConcluded();
        LocalDate since = currentMembers.get(command.state());
        if (since == null && formerMembers.containsKey(command.state())) {
            throw new Conflict("State " + command.state() + " already left cooperation " + cooperationId
                    + " on " + formerMembers.get(command.state()));
        }
        if (since == null) {
            throw new NotFound("Membership of state " + command.state() + " in cooperation", cooperationId);
        }
        if (!command.leftOn().isAfter(since)) {
            throw new RuleViolated("date-before-joining", "Date before joining",
                    "Leaving on " + command.leftOn() + " must lie after joining on " + since);
        }
        AgreementDates.today().check("Leaving", command.leftOn());
        apply(new StateLeftCooperation(cooperationId, command.state(), command.leftOn()));
    }

    @EventSourcingHandler
    void on(CooperationProposed event) {
        this.cooperationId = event.cooperationId();
        this.name = event.name();
        this.signedOn = event.signedOn();
        event.foundingStates().forEach(state -> signatures.put(state, null));
        signatures.put(event.proposedBy(), event.signedOn());
    }

    @EventSourcingHandler
    void on(CooperationSigned event) {
        signatures.put(event.state(), event.signedOn());
    }

    @EventSourcingHandler
    void on(CooperationFounded event) {
        this.cooperationId = event.cooperationId();
        this.name = event.name();
        this.signedOn = event.signedOn();
        signatures.clear();
        event.foundingStates().forEach(state -> currentMembers.put(state, event.signedOn()));
    }

    @EventSourcingHandler
    void on(StateJoinedCooperation event) {
        currentMembers.put(event.state(), event.joinedOn());
    }

    @EventSourcingHandler
    void on(StateLeftCooperation event) {
        currentMembers.remove(event.state());
        formerMembers.put(event.state(), event.leftOn());
    }
}
