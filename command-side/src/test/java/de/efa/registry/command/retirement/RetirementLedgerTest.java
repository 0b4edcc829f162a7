package de.efa.registry.command.retirement;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.testsupport.TestStore;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's adoption changes of one processor batch go to the store in one bulk write, and are there before the
 * batch's token would be stored (the processor registers that step when the batch's last event arrives).
 */
class RetirementLedgerTest {

    private static final String ADOPTIONS = "write_retirement_adoptions";
    private static final ServiceId SERVICE = ServiceId.of("0d6a3c1e-5b0a-4c55-9f6e-1f2a3b4c5d6e");
    private static final ServiceVersion V1 = ServiceVersion.parse("1.0.0");

    private final List<String> writesToAdoptions = new CopyOnWriteArrayList<>();
    private MongoClient client;
    private MongoCollection<Document> adoptions;
    private RetirementLedger ledger;

    @BeforeEach
    void ledgerOnAFreshDatabase() {
        CommandListener writes = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                boolean write = List.of("insert", "update", "delete").contains(event.getCommandName());
                if (write && ADOPTIONS.equals(event.getCommand().getString(event.getCommandName()).getValue())) {
                    writesToAdoptions.add(event.getCommandName());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestStore.uri())).addCommandListener(writes).build());
        MongoDatabase database = client.getDatabase(TestStore.freshDatabase());
        adoptions = database.getCollection(ADOPTIONS);
        ledger = new RetirementLedger(database);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aBatchsChangesAreOneWriteStoredBeforeItsTokenStep() {
        List<EventMessage<?>> events = events(4);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        AtomicLong storedAtTokenStep = new AtomicLong(-1);
        List<AdoptionId> ids = ids(4);

        batch.executeWithResult(() -> {
            int index = events.indexOf(batch.getMessage());
            if (batch.isLastMessage()) {
                // what the tracking processor does for the batch's last event, before handing it to the handler
                batch.onPrepareCommit(u -> storedAtTokenStep.set(adoptions.countDocuments()));
            }
            if (index == 3) {
                ledger.stopped(ids.get(1));
            } else {
                ledger.runsOn(ids.get(index), Ags.of("1605100" + index), SERVICE, V1);
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);

        assertThat(storedAtTokenStep.get()).isEqualTo(3);
        assertThat(writesToAdoptions).containsExactly("update");
        assertThat(adoptions.find(new Document("active", true)).map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder(ids.get(0).value(), ids.get(2).value());
    }

    @Test
    void aRetirementFindsTheAdoptionsStartedEarlierInItsBatch() {
        List<EventMessage<?>> events = events(3);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        List<AdoptionId> ids = ids(2);
        List<RetirementLedger.RunningAdoption> found = new ArrayList<>();

        batch.executeWithResult(() -> {
            int index = events.indexOf(batch.getMessage());
            if (index < 2) {
                ledger.runsOn(ids.get(index), Ags.of("1605100" + index), SERVICE, V1);
            } else {
                ledger.retired(SERVICE, V1, LocalDate.of(2024, 3, 31), null);
                found.addAll(ledger.activeOn(SERVICE, V1));
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);

        assertThat(found).extracting(RetirementLedger.RunningAdoption::adoptionId).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void outsideABatchEachChangeIsStoredAtOnce() {
        AdoptionId id = ids(1).get(0);

        ledger.runsOn(id, Ags.of("16051000"), SERVICE, V1);

        assertThat(adoptions.countDocuments(new Document("_id", id.value()).append("active", true))).isEqualTo(1);
        ledger.stopped(id);
        assertThat(adoptions.countDocuments(new Document("_id", id.value()).append("active", false))).isEqualTo(1);
    }

    private static List<EventMessage<?>> events(int count) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(GenericEventMessage.asEventMessage("event " + i));
        }
        return events;
    }

    private static List<AdoptionId> ids(int count) {
        List<AdoptionId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(AdoptionId.of(java.util.UUID.randomUUID().toString()));
        }
        return ids;
    }
}
