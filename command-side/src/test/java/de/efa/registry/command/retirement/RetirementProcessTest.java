package de.efa.registry.command.retirement;

import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.adoption.MarkAdoptionUnsupported;
import de.efa.registry.kernel.adoption.MigrateAdoption;
import de.efa.registry.kernel.adoption.SwitchReason;
import de.efa.registry.command.support.TrackedBatch;
import de.efa.registry.kernel.common.RegistryMetaData;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionRetired;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retirement process's decisions on plain events, without Spring or a store: which adoptions a retirement moves,
 * where to, and on whose behalf. The wiring (tracking processor, the retirement's answer) is
 * {@link RetirementProcessHttpTest}'s.
 */
class RetirementProcessTest {

    private static final ServiceId WOHNGELD = ServiceId.random();
    private static final ServiceVersion V1 = ServiceVersion.parse("1.0.0");
    private static final ServiceVersion V2 = ServiceVersion.parse("2.0.0");
    private static final ServiceVersion V3 = ServiceVersion.parse("3.0.0");
    private static final LocalDate RETIRED_ON = LocalDate.of(2025, 6, 30);
    private static final Ags ERFURT = Ags.of("16051000");
    private static final Ags JENA = Ags.of("16053000");

    private final InMemoryRetirementLedger ledger = new InMemoryRetirementLedger();
    private final RecordingCommandBus commandBus = new RecordingCommandBus();
    private final RetirementProcess process = new RetirementProcess(ledger,
            DefaultCommandGateway.builder().commandBus(commandBus).build());

    @Test
    void aRetirementWithASuccessorMigratesEveryAdoptionStillOnTheVersion() {
        AdoptionId erfurt = started(ERFURT, V1);
        AdoptionId jena = started(JENA, V1);
        started(Ags.of("16055000"), V2);

        deliver(new VersionRetired(WOHNGELD, V1, RETIRED_ON, V3));

        assertThat(sent()).containsExactlyInAnyOrder(
                new MigrateAdoption(ERFURT, erfurt, V1, V3, RETIRED_ON),
                new MigrateAdoption(JENA, jena, V1, V3, RETIRED_ON));
        assertThat(ledger.hasMoved(WOHNGELD, V1)).as("the retirement's answer may count the moves").isTrue();
    }

    @Test
    void aRetirementWithoutASuccessorMarksTheAdoptionsUnsupported() {
        AdoptionId erfurt = started(ERFURT, V1);

        deliver(new VersionRetired(WOHNGELD, V1, RETIRED_ON, null));

        assertThat(sent()).containsExactly(new MarkAdoptionUnsupported(ERFURT, erfurt, V1, RETIRED_ON));
    }

    @Test
    void anAdoptionSwitchedOntoTheVersionBeforeItsRetirementIsMoved() {
        AdoptionId erfurt = started(ERFURT, V1);
        deliver(new AdoptionVersionSwitched(erfurt, ERFURT, WOHNGELD, V1, V2, LocalDate.of(2024, 1, 1), SwitchReason.REQUESTED));

        deliver(new VersionRetired(WOHNGELD, V2, RETIRED_ON, V3));

        assertThat(sent()).containsExactly(new MigrateAdoption(ERFURT, erfurt, V2, V3, RETIRED_ON));
    }

    @Test
    void anAdoptionSwitchedAwayBeforeTheRetirementIsLeftAlone() {
        AdoptionId erfurt = started(ERFURT, V1);
        deliver(new AdoptionVersionSwitched(erfurt, ERFURT, WOHNGELD, V1, V2, LocalDate.of(2024, 1, 1), SwitchReason.REQUESTED));

        deliver(new VersionRetired(WOHNGELD, V1, RETIRED_ON, V3));

        assertThat(sent()).isEmpty();
    }

    @Test
    void anAdoptionRacingTheRetirementIsMovedWhenItArrives() {
        deliver(new VersionRetired(WOHNGELD, V1, RETIRED_ON, V3));
        AdoptionId erfurt = started(ERFURT, V1);
        AdoptionId jena = started(JENA, V2);
        deliver(new AdoptionVersionSwitched(jena, JENA, WOHNGELD, V2, V1, LocalDate.of(2025, 1, 1), SwitchReason.REQUESTED));

        assertThat(sent()).containsExactly(
                new MigrateAdoption(ERFURT, erfurt, V1, V3, RETIRED_ON),
                new MigrateAdoption(JENA, jena, V1, V3, RETIRED_ON));
    }

    @Test
    void endedAndUnsupportedAdoptionsAreNotMoved() {
        AdoptionId erfurt = started(ERFURT, V1);
        AdoptionId jena = started(JENA, V1);
        deliver(new AdoptionEnded(erfurt, ERFURT, WOHNGELD, LocalDate.of(2024, 12, 31)));
        deliver(new AdoptionMarkedUnsupported(jena, JENA, WOHNGELD, V1, LocalDate.of(2024, 12, 31)));

        deliver(new VersionRetired(WOHNGELD, V1, RETIRED_ON, V3));

        assertThat(sent()).isEmpty();
    }

    @Test
    void theSystemMovesTheAdoptionsOnBehalfOfTheRetirement() {
        started(ERFURT, V1);
        EventMessage<?> retirement = deliver(new VersionRetired(WOHNGELD, V1, RETIRED_ON, V3));

        CommandMessage<?> move = commandBus.getDispatchedCommands().get(commandBus.getDispatchedCommands().size() - 1);
        assertThat(move.getMetaData())
                .containsEntry(RegistryMetaData.PRINCIPAL, RegistryMetaData.SYSTEM_PRINCIPAL)
                .containsEntry(RegistryMetaData.CAUSATION_ID, retirement.getIdentifier())
                .containsEntry(RegistryMetaData.CORRELATION_ID, retirement.getIdentifier());
    }

    private AdoptionId started(Ags ags, ServiceVersion version) {
        AdoptionId adoptionId = AdoptionId.random();
        deliver(new AdoptionStarted(adoptionId, ags, WOHNGELD, version, StateCode.of("16"), false, LocalDate.of(2023, 1, 1)));
        return adoptionId;
    }

    private List<Object> sent() {
        return commandBus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast).toList();
    }

    /** Hands the event to the process as its tracking processor does, in a batch of its own. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private EventMessage<?> deliver(Object event) {
        return TrackedBatch.deliver(event, message -> {
            EventMessage raw = message;
            if (event instanceof VersionRetired e) {
                process.on(e, raw);
            } else if (event instanceof AdoptionStarted e) {
                process.on(e, raw);
            } else if (event instanceof AdoptionVersionSwitched e) {
                process.on(e, raw);
            } else if (event instanceof AdoptionMarkedUnsupported e) {
                process.on(e);
            } else if (event instanceof AdoptionEnded e) {
                process.on(e);
            }
        });
    }
}
