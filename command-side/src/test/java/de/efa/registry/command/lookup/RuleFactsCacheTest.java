package de.efa.registry.command.lookup;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.StateLeftCooperation;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.service.VersionStatus;
import de.efa.registry.testsupport.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule facts one instance keeps between commands must never be older than what any instance stored: here
 * instance B writes the lookup (its own collections object and handlers on the same store) while instance A keeps
 * facts. Every test fails if A trusted what it kept without the change mark.
 */
class RuleFactsCacheTest {

    private static final ServiceId ID = ServiceId.random();
    private static final ServiceVersion V1 = ServiceVersion.parse("1.0.0");
    private static final StateCode THURINGIA = StateCode.of("16");
    private static final StateCode BAVARIA = StateCode.of("09");
    private static final LocalDate JULY = LocalDate.of(2024, 7, 1);

    private final MongoDatabase database = TestStore.client().getDatabase(TestStore.freshDatabase());
    private final MongoWriteLookup instanceA = new MongoWriteLookup(new WriteLookupCollections(database));
    private final WriteLookupCollections collectionsB = new WriteLookupCollections(database);
    private final WriteLookupUpdater liveB = new LiveWriteLookup(collectionsB, new NoLeikaKeyClaims());
    private final WriteLookupUpdater repairB = new WriteLookupRepair(collectionsB, new NoLeikaKeyClaims());

    private final ServiceRegistered registered = new ServiceRegistered(ID, LeikaKey.of("99108001000000"), "Wohngeld",
            THURINGIA, ReuseModel.EFA, null, null);
    private final VersionPublished published = new VersionPublished(ID, V1, MaturityLevel.of(3), MaturityLevel.MODEL,
            LocalDate.of(2022, 1, 1), null);

    @Test
    void aVersionDeprecatedElsewhereIsNoLongerActiveHere() {
        liveB.on(registered, 0);
        liveB.on(published, 1);
        assertThat(instanceA.ruleFacts().service(ID).orElseThrow().statusOf(V1)).contains(VersionStatus.ACTIVE);

        liveB.on(new VersionDeprecated(ID, V1, LocalDate.of(2025, 1, 1), null), 2);

        assertThat(instanceA.ruleFacts().service(ID).orElseThrow().statusOf(V1)).contains(VersionStatus.DEPRECATED);
    }

    @Test
    void aServiceRegisteredElsewhereAfterAVainLookIsFound() {
        assertThat(instanceA.ruleFacts().service(ID)).isEmpty();

        liveB.on(registered, 0);

        assertThat(instanceA.ruleFacts().service(ID)).isPresent();
    }

    @Test
    void aStateThatLeftElsewhereIsNoLongerAMemberHere() {
        CooperationId loi = CooperationId.random();
        liveB.on(new CooperationFounded(loi, "LoI", List.of(THURINGIA, BAVARIA), LocalDate.of(2020, 1, 1)), 0);
        assertThat(instanceA.ruleFacts().cooperations()).singleElement()
                .satisfies(c -> assertThat(c.isMemberOn(BAVARIA, JULY)).isTrue());

        liveB.on(new StateLeftCooperation(loi, BAVARIA, LocalDate.of(2024, 1, 1)), 1);

        assertThat(instanceA.ruleFacts().cooperations()).singleElement()
                .satisfies(c -> assertThat(c.isMemberOn(BAVARIA, JULY)).isFalse());
    }

    @Test
    void aMarkLostWithADyingWriterIsMovedByTheRepairProcessor() {
        liveB.on(registered, 0);
        liveB.on(published, 1);
        assertThat(instanceA.ruleFacts().service(ID).orElseThrow().statusOf(V1)).contains(VersionStatus.ACTIVE);
        // B wrote the deprecation into the lookup document and died before it moved the mark
        VersionedDocuments.apply(collectionsB.services(), ID.value(), 2, current -> {
            current.getList("versions", Document.class).get(0).put("status", VersionStatus.DEPRECATED.name());
            return current;
        });

        repairB.on(new VersionDeprecated(ID, V1, LocalDate.of(2025, 1, 1), null), 2);

        assertThat(instanceA.ruleFacts().service(ID).orElseThrow().statusOf(V1)).contains(VersionStatus.DEPRECATED);
    }
}
