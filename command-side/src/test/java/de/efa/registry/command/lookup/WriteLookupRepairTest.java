package de.efa.registry.command.lookup;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.service.VersionRetired;
import de.efa.registry.kernel.service.VersionStatus;
import de.efa.registry.testsupport.TestStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repair processor runs the live handlers again over the stored stream: repeats and late, older events must
 * neither duplicate nor undo what the live handler wrote, and a lost update must be restored.
 */
class WriteLookupRepairTest {

    private final MongoDatabase database = TestStore.client().getDatabase(TestStore.freshDatabase());
    private final WriteLookupCollections collections = new WriteLookupCollections(database);
    private final NoLeikaKeyClaims claims = new NoLeikaKeyClaims();
    private final WriteLookupUpdater live = new LiveWriteLookup(collections, claims);
    private final WriteLookupUpdater repair = new WriteLookupRepair(collections, claims);
    private final MongoWriteLookup lookup = new MongoWriteLookup(collections);

    private static final ServiceId ID = ServiceId.random();
    private static final ServiceVersion V1 = ServiceVersion.parse("1.0.0");
    private final ServiceRegistered registered = new ServiceRegistered(ID, LeikaKey.of("99108001000000"), "Wohngeld",
            StateCode.of("16"), ReuseModel.EFA, null, null);
    private final VersionPublished published = new VersionPublished(ID, V1, MaturityLevel.of(3), MaturityLevel.MODEL,
            LocalDate.of(2022, 1, 1), null);
    private final VersionRetired retired = new VersionRetired(ID, V1, LocalDate.of(2024, 1, 1), null);

    @Test
    void replayingOlderEventsNeitherDuplicatesNorUndoes() {
        live.on(registered, 0);
        live.on(published, 1);
        live.on(retired, 2);

        repair.on(registered, 0);
        repair.on(published, 1);
        repair.on(retired, 2);

        assertThat(lookup.service(ID).orElseThrow().versions()).containsExactlyEntriesOf(
                java.util.Map.of(V1, VersionStatus.RETIRED));
    }

    @Test
    void aLostLiveUpdateIsRepaired() {
        live.on(registered, 0);
        live.on(published, 1);
        // the process died after storing VersionRetired, before the live handler wrote it
        repair.on(registered, 0);
        repair.on(published, 1);
        repair.on(retired, 2);

        assertThat(lookup.service(ID).orElseThrow().statusOf(V1)).contains(VersionStatus.RETIRED);
        assertThat(claims.confirmed).isEqualTo(2);
    }

    @Test
    void aRepairBatchSkipsOnlyWhatItsOneReadShowsApplied() {
        Ags erfurt = Ags.of("16051000");
        AdoptionId appliedStart = AdoptionId.random();
        AdoptionId lostStart = AdoptionId.random();
        AdoptionStarted started = new AdoptionStarted(appliedStart, erfurt, ID, V1, StateCode.of("16"), false, LocalDate.of(2023, 1, 1));
        AdoptionEnded ended = new AdoptionEnded(appliedStart, erfurt, ID, LocalDate.of(2023, 6, 30));
        AdoptionStarted lost = new AdoptionStarted(lostStart, erfurt, ID, V1, StateCode.of("16"), false, LocalDate.of(2023, 2, 1));
        // the live handler applied the first start; the process died before it wrote the end and the second start
        live.on(started, 5);

        List<EventMessage<?>> events = List.of(event(erfurt, 5, started), event(erfurt, 6, ended), event(erfurt, 7, lost));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.executeWithResult(() -> {
            EventMessage<?> message = batch.getMessage();
            long seq = ((DomainEventMessage<?>) message).getSequenceNumber();
            if (message.getPayload() instanceof AdoptionStarted s) {
                repair.on(s, seq);
            } else {
                repair.on((AdoptionEnded) message.getPayload(), seq);
            }
            return null;
        });

        assertThat(lookup.adoption(appliedStart).orElseThrow().status()).isEqualTo(AdoptionStatus.ENDED);
        assertThat(lookup.adoption(lostStart).orElseThrow().status()).isEqualTo(AdoptionStatus.ACTIVE);
    }

    private static EventMessage<?> event(Ags ags, long seq, Object payload) {
        return new GenericDomainEventMessage<>("Municipality", ags.value(), seq, payload);
    }
}
