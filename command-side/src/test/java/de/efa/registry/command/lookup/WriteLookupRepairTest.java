package de.efa.registry.command.lookup;

import com.mongodb.client.MongoDatabase;
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
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repair processor runs the live handlers again over the stored stream: repeats and late, older events must
 * neither duplicate nor undo what the live handler wrote, and a lost update must be restored.
 */
class WriteLookupRepairTest {

    private final MongoDatabase database = TestStore.client().getDatabase(TestStore.freshDatabase());
    private final WriteLookupCollections collections = new WriteLookupCollections(database);
    private final NoClaims claims = new NoClaims();
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

    private static final class NoClaims implements LeikaKeyClaims {
        int confirmed;

        @Override
        public void claim(StateCode state, LeikaKey leikaKey, ServiceId serviceId) {
        }

        @Override
        public void release(StateCode state, LeikaKey leikaKey, ServiceId serviceId) {
        }

        @Override
        public void confirm(StateCode state, LeikaKey leikaKey, ServiceId serviceId) {
            confirmed++;
        }
    }
}
