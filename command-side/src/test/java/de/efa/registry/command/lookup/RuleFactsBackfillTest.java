package de.efa.registry.command.lookup;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.kernel.authority.AuthorityChanged;
import de.efa.registry.kernel.authority.AuthorityContact;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.authority.AuthorityProfile;
import de.efa.registry.kernel.authority.AuthorityRegistered;
import de.efa.registry.kernel.authority.PostalAddress;
import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.StateJoinedCooperation;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.testsupport.TestStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fact added to the rules reaches the documents written before it by code, not by hand: documents of an older
 * layout are folded again from their events when the command side starts.
 */
class RuleFactsBackfillTest {

    private final MongoDatabase database = TestStore.client().getDatabase(TestStore.freshDatabase());
    private final WriteLookupCollections collections = new WriteLookupCollections(database);
    private final WriteLookupUpdater live = new LiveWriteLookup(collections, new NoLeikaKeyClaims());
    private final MongoWriteLookup lookup = new MongoWriteLookup(collections);
    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final RuleFactsBackfill backfill = new RuleFactsBackfill(collections, events);

    private static final ServiceId ID = ServiceId.random();
    private static final ServiceVersion V1 = ServiceVersion.parse("1.0.0");
    private static final ServiceVersion V2 = ServiceVersion.parse("2.0.0");
    private static final ServiceVersion V3 = ServiceVersion.parse("3.0.0");
    private final ServiceRegistered registered = new ServiceRegistered(ID, LeikaKey.of("99108001000000"), "Wohngeld",
            StateCode.of("16"), ReuseModel.EFA, null, null);

    private VersionPublished published(ServiceVersion version, LocalDate releasedOn) {
        return new VersionPublished(ID, version, MaturityLevel.of(3), MaturityLevel.MODEL, releasedOn, null);
    }

    private void stored(String aggregateId, long seq, Object payload) {
        events.publish(new GenericDomainEventMessage<>("Aggregate", aggregateId, seq, payload));
    }

    /** What the folds of layout 1 wrote: no layout, versions without their release day. */
    private void writtenByTheOldFolds(String id) {
        Document old = collections.services().find(new Document("_id", id)).first();
        List<Document> versions = new ArrayList<>();
        for (Document v : old.getList("versions", Document.class)) {
            versions.add(new Document("version", v.getString("version")).append("status", v.getString("status")));
        }
        old.remove(RuleFactFolds.LAYOUT_FIELD);
        collections.services().replaceOne(new Document("_id", id), old.append("versions", versions));
    }

    @Test
    void aServiceWrittenBeforeReleaseDaysWereKeptGetsThemFromItsEvents() {
        stored(ID.value(), 0, registered);
        stored(ID.value(), 1, published(V1, LocalDate.of(2022, 1, 1)));
        stored(ID.value(), 2, published(V2, LocalDate.of(2024, 1, 1)));
        live.on(registered, 0);
        live.on(published(V1, LocalDate.of(2022, 1, 1)), 1);
        live.on(published(V2, LocalDate.of(2024, 1, 1)), 2);
        writtenByTheOldFolds(ID.value());
        assertThat(lookup.service(ID).orElseThrow().releaseOf(V2)).as("the fact is missing").isEmpty();

        backfill.onStart();

        assertThat(lookup.service(ID).orElseThrow().releaseOf(V1)).contains(LocalDate.of(2022, 1, 1));
        assertThat(lookup.service(ID).orElseThrow().releaseOf(V2)).contains(LocalDate.of(2024, 1, 1));
        Document rebuilt = collections.services().find(new Document("_id", ID.value())).first();
        assertThat(rebuilt.getInteger(RuleFactFolds.LAYOUT_FIELD)).isEqualTo(RuleFactFolds.LAYOUT);
        assertThat(rebuilt.get(VersionedDocuments.SEQ, Number.class).longValue()).as("the same events").isEqualTo(2L);
        assertThat(backfill.backfill(collections.services(), RuleFactFolds::service))
                .as("a document in the current layout is left alone").isZero();
    }

    @Test
    void anEventNotYetAppliedIsLeftToTheHandlersSoFactsNeverGoBackInTime() {
        stored(ID.value(), 0, registered);
        stored(ID.value(), 1, published(V1, LocalDate.of(2022, 1, 1)));
        live.on(registered, 0);
        live.on(published(V1, LocalDate.of(2022, 1, 1)), 1);
        writtenByTheOldFolds(ID.value());
        // stored, but its live update not written yet
        stored(ID.value(), 2, published(V3, LocalDate.of(2025, 1, 1)));

        backfill.onStart();
        assertThat(lookup.service(ID).orElseThrow().versions()).containsOnlyKeys(V1);

        live.on(published(V3, LocalDate.of(2025, 1, 1)), 2);
        assertThat(lookup.service(ID).orElseThrow().releaseOf(V3)).contains(LocalDate.of(2025, 1, 1));
    }

    @Test
    void aCooperationIsFoldedAgainFromItsEventsToo() {
        CooperationId cooperation = CooperationId.random();
        CooperationFounded founded = new CooperationFounded(cooperation, "EfA Mitte",
                List.of(StateCode.of("16"), StateCode.of("14")), LocalDate.of(2021, 1, 1));
        StateJoinedCooperation joined = new StateJoinedCooperation(cooperation, StateCode.of("09"), LocalDate.of(2022, 1, 1));
        stored(cooperation.value(), 0, founded);
        stored(cooperation.value(), 1, joined);
        live.on(founded, 0);
        live.on(joined, 1);
        Document old = collections.cooperations().find(new Document("_id", cooperation.value())).first();
        old.remove(RuleFactFolds.LAYOUT_FIELD);
        collections.cooperations().replaceOne(new Document("_id", cooperation.value()), old.append("members", List.of()));

        backfill.onStart();

        assertThat(lookup.cooperations()).singleElement().satisfies(c -> {
            assertThat(c.isMemberOn(StateCode.of("09"), LocalDate.of(2022, 1, 1))).isTrue();
            assertThat(c.isMemberOn(StateCode.of("14"), LocalDate.of(2021, 1, 1))).isTrue();
        });
    }

    @Test
    void anAuthorityIsKeptWithItsStateForTheRulesAndFoldedAgainFromItsEvents() {
        AuthorityId authority = AuthorityId.random();
        AuthorityProfile profile = new AuthorityProfile("Bürgeramt Jena", "Bürgeramt", new PostalAddress("Markt", "1",
                "07743", "Jena"), new AuthorityContact(null, "+49 3641 49-0"), null, null, null);
        AuthorityRegistered registeredAuthority = new AuthorityRegistered(authority, StateCode.of("16"), profile);
        AuthorityChanged renamed = new AuthorityChanged(authority, StateCode.of("16"), new AuthorityProfile(
                "Stadtverwaltung Jena - Bürgeramt", profile.shortName(), profile.address(), profile.contact(), null, null, null));
        stored(authority.value(), 0, registeredAuthority);
        stored(authority.value(), 1, renamed);
        live.on(registeredAuthority, 0);
        // the rules read it through the kept facts, which a change of an authority makes stale
        assertThat(lookup.ruleFacts().authority(authority)).contains(new AuthorityFacts(authority, StateCode.of("16"),
                "Bürgeramt Jena"));
        live.on(renamed, 1);
        assertThat(lookup.ruleFacts().authority(authority).orElseThrow().name()).isEqualTo("Stadtverwaltung Jena - Bürgeramt");
        assertThat(lookup.ruleFacts().authority(AuthorityId.random())).isEmpty();

        Document old = collections.authorities().find(new Document("_id", authority.value())).first();
        old.remove(RuleFactFolds.LAYOUT_FIELD);
        collections.authorities().replaceOne(new Document("_id", authority.value()), old.append("name", "stale"));
        backfill.onStart();
        assertThat(lookup.authority(authority).orElseThrow().name()).isEqualTo("Stadtverwaltung Jena - Bürgeramt");
    }
}
