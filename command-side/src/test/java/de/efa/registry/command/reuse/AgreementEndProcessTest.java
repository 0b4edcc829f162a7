package de.efa.registry.command.reuse;

import de.efa.registry.command.lookup.CooperationFacts;
import de.efa.registry.command.support.InMemoryWriteLookup;
import de.efa.registry.command.support.TrackedBatch;
import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.CrossBorderBasis;
import de.efa.registry.kernel.adoption.EndAdoptionWithItsAgreement;
import de.efa.registry.kernel.common.RegistryMetaData;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.reuse.AgreementTerminated;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreement-end process's decisions on plain events, without Spring or a store: which adoptions a termination
 * ends, on which day, and on whose behalf. Saxony (14) provides Elterngeld, Thuringia (16) reuses it under an
 * agreement that ends on {@link #ENDS_ON}. The wiring (tracking processor, the termination's answer) is the HTTP tests'.
 */
class AgreementEndProcessTest {

    private static final ServiceId ELTERNGELD = ServiceId.random();
    private static final StateCode SAXONY = StateCode.of("14");
    private static final StateCode THURINGIA = StateCode.of("16");
    private static final AgreementId AGREEMENT = AgreementId.random();
    private static final LocalDate ENDS_ON = LocalDate.of(2026, 6, 30);
    private static final Ags ERFURT = Ags.of("16051000");
    private static final Ags JENA = Ags.of("16053000");

    private final InMemoryAgreementLedger ledger = new InMemoryAgreementLedger();
    private final InMemoryWriteLookup lookup = new InMemoryWriteLookup();
    private final RecordingCommandBus commandBus = new RecordingCommandBus();
    private final AgreementEndProcess process = new AgreementEndProcess(ledger, lookup,
            DefaultCommandGateway.builder().commandBus(commandBus).build());

    @Test
    void aTerminationEndsEveryAdoptionRestingOnTheAgreementAloneOnItsEndDay() {
        AdoptionId erfurt = startedUnder(ERFURT, AGREEMENT);
        AdoptionId jena = startedUnder(JENA, AGREEMENT);
        startedUnder(Ags.of("16055000"), AgreementId.random());

        deliver(terminated());

        assertThat(sent()).containsExactlyInAnyOrder(
                new EndAdoptionWithItsAgreement(ERFURT, erfurt, AGREEMENT, ENDS_ON),
                new EndAdoptionWithItsAgreement(JENA, jena, AGREEMENT, ENDS_ON));
        assertThat(ledger.isDone(AGREEMENT)).as("the termination's answer may count the ends").isTrue();
    }

    @Test
    void aCooperationOfBothStatesOnTheEndDayKeepsTheAdoptionsRunning() {
        startedUnder(ERFURT, AGREEMENT);
        cooperation(member(SAXONY, LocalDate.of(2020, 1, 1), null), member(THURINGIA, ENDS_ON, null));

        deliver(terminated());

        assertThat(sent()).isEmpty();
        assertThat(ledger.isDone(AGREEMENT)).isTrue();
    }

    @Test
    void aMembershipThatEndsOnTheEndDayDoesNotHoldThem() {
        AdoptionId erfurt = startedUnder(ERFURT, AGREEMENT);
        // the day a state leaves is its first day outside (leftOn is exclusive)
        cooperation(member(SAXONY, LocalDate.of(2020, 1, 1), null), member(THURINGIA, LocalDate.of(2020, 1, 1), ENDS_ON));

        deliver(terminated());

        assertThat(sent()).containsExactly(new EndAdoptionWithItsAgreement(ERFURT, erfurt, AGREEMENT, ENDS_ON));
    }

    @Test
    void aCooperationOfOnlyOneOfTheTwoStatesDoesNotHoldThem() {
        AdoptionId erfurt = startedUnder(ERFURT, AGREEMENT);
        cooperation(member(SAXONY, LocalDate.of(2020, 1, 1), null), member(StateCode.of("09"), LocalDate.of(2020, 1, 1), null));

        deliver(terminated());

        assertThat(sent()).containsExactly(new EndAdoptionWithItsAgreement(ERFURT, erfurt, AGREEMENT, ENDS_ON));
    }

    @Test
    void anAdoptionRecordedUnderTheAgreementAfterItsTerminationIsEndedWhenItArrives() {
        deliver(terminated());
        AdoptionId erfurt = startedUnder(ERFURT, AGREEMENT);

        assertThat(sent()).containsExactly(new EndAdoptionWithItsAgreement(ERFURT, erfurt, AGREEMENT, ENDS_ON));
    }

    @Test
    void anAdoptionArrivingAfterTheTerminationStaysWhereACooperationHoldsIt() {
        cooperation(member(SAXONY, LocalDate.of(2020, 1, 1), null), member(THURINGIA, LocalDate.of(2020, 1, 1), null));
        deliver(terminated());
        startedUnder(ERFURT, AGREEMENT);

        assertThat(sent()).isEmpty();
    }

    @Test
    void endedAdoptionsAndThoseOnAnotherBasisAreLeftAlone() {
        AdoptionId erfurt = startedUnder(ERFURT, AGREEMENT);
        deliver(new AdoptionEnded(erfurt, ERFURT, ELTERNGELD, LocalDate.of(2025, 12, 31)));
        deliver(started(JENA, new CrossBorderBasis(CrossBorderBasis.Kind.COOPERATION, CooperationId.random().value())));
        deliver(started(Ags.of("14612000"), null));

        deliver(terminated());

        assertThat(sent()).isEmpty();
    }

    @Test
    void theSystemEndsTheAdoptionsOnBehalfOfTheTermination() {
        startedUnder(ERFURT, AGREEMENT);
        EventMessage<?> termination = deliver(terminated());

        CommandMessage<?> end = commandBus.getDispatchedCommands().get(0);
        assertThat(end.getMetaData())
                .containsEntry(RegistryMetaData.PRINCIPAL, RegistryMetaData.SYSTEM_PRINCIPAL)
                .containsEntry(RegistryMetaData.CAUSATION_ID, termination.getIdentifier())
                .containsEntry(RegistryMetaData.CORRELATION_ID, termination.getIdentifier());
    }

    private AgreementTerminated terminated() {
        return new AgreementTerminated(AGREEMENT, ELTERNGELD, SAXONY, THURINGIA, THURINGIA, ENDS_ON);
    }

    private AdoptionId startedUnder(Ags ags, AgreementId agreementId) {
        AdoptionStarted started = started(ags, new CrossBorderBasis(CrossBorderBasis.Kind.AGREEMENT, agreementId.value()));
        deliver(started);
        return started.adoptionId();
    }

    private static AdoptionStarted started(Ags ags, CrossBorderBasis basis) {
        return new AdoptionStarted(AdoptionId.random(), ags, ELTERNGELD, ServiceVersion.parse("1.0.0"), SAXONY,
                !ags.state().equals(SAXONY), LocalDate.of(2025, 1, 1), basis);
    }

    private void cooperation(CooperationFacts.Membership... members) {
        lookup.with(new CooperationFacts(CooperationId.random(), "EfA-Verbund", List.of(members)));
    }

    private static CooperationFacts.Membership member(StateCode state, LocalDate joinedOn, LocalDate leftOn) {
        return new CooperationFacts.Membership(state, joinedOn, leftOn);
    }

    private List<Object> sent() {
        return commandBus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast).toList();
    }

    /** Hands the event to the process as its tracking processor does, in a batch of its own. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private EventMessage<?> deliver(Object event) {
        return TrackedBatch.deliver(event, message -> {
            EventMessage raw = message;
            if (event instanceof AgreementTerminated e) {
                process.on(e, raw);
            } else if (event instanceof AdoptionStarted e) {
                process.on(e, raw);
            } else if (event instanceof AdoptionEnded e) {
                process.on(e);
            }
        });
    }
}
