package de.efa.registry.query.projection;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.query.QuerySideTestBase;
import de.efa.registry.platform.store.TokenStoreProperties;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Code of one document layout never feeds a version built in another: a serving version of another layout keeps
 * answering readers unfed while a rebuild in the code's layout replaces it, and an instance never follows a switch
 * (or joins a rebuild) into a version of another layout. Managers are built by hand, one per "instance", around a
 * small projection that records which layout of its code wrote each document and which versions it wrote into.
 */
class LayoutChangeTest extends QuerySideTestBase {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(5);
    // one segment: whichever instance feeds a version holds all of it; the old versions stay until the test ends
    private static final ProjectionSettings SETTINGS = new ProjectionSettings(1, 64, Duration.ofMillis(100),
            Duration.ofMillis(50), Duration.ofHours(1));
    // long enough for a processor that wrongly feeds a version to claim its segment and apply a waiting event
    private static final Duration UNFED = Duration.ofSeconds(1);

    @Autowired
    MongoDatabase database;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    ActiveVersions versions;
    @Autowired
    DeadLetterQueue deadLetters;
    @Autowired
    DeadLetterRetry retrier;
    @Autowired
    StoredTokens storedTokens;
    @Autowired
    MongoTemplate axonMongoTemplate;
    @Autowired
    Serializer serializer;

    private final List<ProjectionManager> managers = new ArrayList<>();
    private final List<Probe> probes = new ArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @AfterEach
    void stopManagers() {
        probes.forEach(Probe::open);
        new ArrayList<>(managers).forEach(this::stop);
        followerLogger().detachAppender(log);
    }

    @Test
    void aVersionOfAnotherLayoutServesUnfedUntilARebuildInTheCodesLayoutTakesOver() {
        String name = "probe_upgrade";
        ProjectionManager before = manager("query-side-layout-1", probe(name, 1));
        long first = history.municipality("16061001", "Vorher", 100);
        await().untilAsserted(() -> assertThat(before.hasProcessed(first)).isTrue());
        stop(before);
        long missed = history.municipality("16061002", "Dazwischen", 100);

        // the new code starts: its rebuild is held back, so the old version has to serve for a while
        Probe upgraded = probe(name, 2).close();
        ProjectionManager after = manager("query-side-layout-2", upgraded);
        assertThat(pointer(name)).containsEntry("active", 1).containsEntry("layout", 1)
                .containsEntry("building", 2).containsEntry("buildingLayout", 2);
        assertThat(after.status(name)).satisfies(s -> {
            assertThat(s.status()).isEqualTo(ProjectionStatus.REBUILDING);
            assertThat(s.version()).isEqualTo(1);
            assertThat(s.layout()).isEqualTo(1);
            assertThat(s.rebuilding()).isEqualTo(2);
        });
        // read-your-writes: true for what the old version holds, never for what it has not processed
        assertThat(after.hasProcessed(first)).isTrue();
        await().during(UNFED).atMost(UNFED.multipliedBy(2)).untilAsserted(() -> {
            assertThat(upgraded.fed).doesNotContain(1);
            assertThat(document(name, 1, missed)).isNull();
            assertThat(after.hasProcessed(missed)).isFalse();
        });

        upgraded.open();
        await().untilAsserted(() -> assertThat(pointer(name)).containsEntry("active", 2).containsEntry("layout", 2)
                .containsEntry("building", null).doesNotContainKey("buildingLayout"));
        await().untilAsserted(() -> assertThat(after.status(name)).satisfies(s -> {
            assertThat(s.status()).isEqualTo(ProjectionStatus.LIVE);
            assertThat(s.version()).isEqualTo(2);
            assertThat(s.layout()).isEqualTo(2);
            assertThat(s.rebuilding()).isNull();
        }));
        assertThat(document(name, 2, first)).containsEntry("layout", 2);
        assertThat(document(name, 2, missed)).containsEntry("layout", 2);
        assertThat(document(name, 1, missed)).as("the old version was never fed by the new code").isNull();
        assertThat(documents(name, 1)).isNotEmpty().allSatisfy(d -> assertThat(d).containsEntry("layout", 1));
        assertThat(upgraded.fed).containsOnly(2);

        // the new version goes on to the head like any live one
        long later = history.municipality("16061003", "Nachher", 100);
        await().untilAsserted(() -> assertThat(after.hasProcessed(later)).isTrue());
        assertThat(document(name, 2, later)).containsEntry("layout", 2);
    }

    @Test
    void aFreshPointerRecordsTheLayoutOfTheCodeAndNoRebuildStarts() {
        String name = "probe_fresh";
        ProjectionManager manager = manager("query-side-fresh", probe(name, 2));
        assertThat(pointer(name)).isEqualTo(new Document("_id", name).append("active", 1).append("layout", 2));

        long event = history.municipality("16062001", "Neu", 100);
        await().untilAsserted(() -> assertThat(manager.hasProcessed(event)).isTrue());
        assertThat(document(name, 1, event)).containsEntry("layout", 2);
        assertThat(manager.status(name)).satisfies(s -> {
            assertThat(s.status()).isEqualTo(ProjectionStatus.LIVE);
            assertThat(s.version()).isEqualTo(1);
            assertThat(s.layout()).isEqualTo(2);
            assertThat(s.rebuilding()).isNull();
        });
        assertThat(pointer(name)).doesNotContainKey("building");
        assertThat(database.listCollectionNames().into(new ArrayList<>())).noneMatch(c -> c.startsWith(name + "_v2_"));
    }

    @Test
    void aPointerWrittenBeforeLayoutsWereRecordedIsLayoutOne() {
        String name = "probe_legacy";
        database.getCollection(ActiveVersions.COLLECTION).insertOne(new Document("_id", name).append("active", 1));
        ProjectionManager manager = manager("query-side-legacy", probe(name, 1));

        long event = history.municipality("16063001", "Alt", 100);
        await().untilAsserted(() -> assertThat(manager.hasProcessed(event)).isTrue());
        assertThat(document(name, 1, event)).containsEntry("layout", 1);
        assertThat(manager.status(name).layout()).isEqualTo(1);
        assertThat(manager.status(name).status()).isEqualTo(ProjectionStatus.LIVE);
        assertThat(pointer(name)).doesNotContainKey("building");
    }

    @Test
    void anInstanceNeverFollowsIntoAVersionOfAnotherLayout() {
        String name = "probe_follow";
        log.start();
        followerLogger().addAppender(log);
        Probe oldCode = probe(name, 1);
        ProjectionManager old = manager("query-side-old", oldCode);
        long first = history.municipality("16064001", "Eins", 100);
        await().untilAsserted(() -> assertThat(old.hasProcessed(first)).isTrue());

        // an instance of the new code starts beside it: a rebuild in layout 2, held back for now
        Probe newCode = probe(name, 2).close();
        ProjectionManager upgraded = manager("query-side-new", newCode);
        assertThat(pointer(name)).containsEntry("building", 2).containsEntry("buildingLayout", 2);
        long second = history.municipality("16064002", "Zwei", 100);
        // the old instance keeps feeding the version of its layout, and does not join the rebuild of the other
        await().untilAsserted(() -> assertThat(document(name, 1, second)).containsEntry("layout", 1));
        await().during(UNFED).atMost(UNFED.multipliedBy(2)).untilAsserted(() -> assertThat(old.status(name)).satisfies(s -> {
            assertThat(s.status()).isEqualTo(ProjectionStatus.LIVE);
            assertThat(s.version()).isEqualTo(1);
            assertThat(s.rebuilding()).isNull();
        }));

        newCode.open();
        await().untilAsserted(() -> assertThat(pointer(name)).containsEntry("active", 2).containsEntry("layout", 2));
        // the old instance follows the switch for its readers but does not feed the new version
        await().untilAsserted(() -> assertThat(old.status(name)).satisfies(s -> {
            assertThat(s.version()).isEqualTo(2);
            assertThat(s.layout()).isEqualTo(2);
            assertThat(s.status()).isEqualTo(ProjectionStatus.ERROR);
            assertThat(s.rebuilding()).isNull();
        }));

        // with the new instance gone, the version's segment is free: the old instance must still leave it alone
        stop(upgraded);
        long third = history.municipality("16064003", "Drei", 100);
        await().during(UNFED).atMost(UNFED.multipliedBy(2)).untilAsserted(() -> {
            assertThat(document(name, 2, third)).isNull();
            assertThat(old.hasProcessed(third)).isFalse();
        });
        assertThat(oldCode.fed).containsOnly(1);
        assertThat(documents(name, 2)).isNotEmpty().allSatisfy(d -> assertThat(d).containsEntry("layout", 2));
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains(name))
                .as("warned once").hasSize(1);
    }

    /** A manager as one query-side instance would run it: its own token-store owner and share of segments. */
    private ProjectionManager manager(String node, Projection projection) {
        MongoTokenStore tokens = MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer)
                .claimTimeout(CLAIM_TIMEOUT).nodeId(node).build();
        ProjectionManager manager = new ProjectionManager(List.of(projection), versions, deadLetters, tokens, eventStore,
                engine, database, SETTINGS, retrier, storedTokens, new SegmentShare(database, new TokenStoreProperties(node, CLAIM_TIMEOUT)),
                new TokenStoreProperties(node, CLAIM_TIMEOUT));
        managers.add(manager);
        manager.start();
        return manager;
    }

    private void stop(ProjectionManager manager) {
        manager.stop();
        manager.close();
        managers.remove(manager);
    }

    private Probe probe(String name, int layout) {
        Probe probe = new Probe(name, layout);
        probes.add(probe);
        return probe;
    }

    private Document pointer(String name) {
        return database.getCollection(ActiveVersions.COLLECTION).find(new Document("_id", name)).first();
    }

    private Document document(String name, int version, long position) {
        return new ProjectionStore(database, name, version).collection(Probe.EVENTS).find(new Document("_id", position)).first();
    }

    private List<Document> documents(String name, int version) {
        return new ProjectionStore(database, name, version).collection(Probe.EVENTS).find().into(new ArrayList<>());
    }

    private static Logger followerLogger() {
        return (Logger) LoggerFactory.getLogger(VersionFollower.class);
    }

    /**
     * One document per event, {@code {_id: position, layout}}, naming the layout of the code that wrote it; records
     * the versions it wrote into. Its writes can be held back at a gate (after recording the version).
     */
    private static final class Probe implements Projection {

        static final String EVENTS = "events";
        private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

        private final String name;
        private final int layout;
        private final Set<Integer> fed = ConcurrentHashMap.newKeySet();
        private volatile CountDownLatch gate = new CountDownLatch(0);

        Probe(String name, int layout) {
            this.name = name;
            this.layout = layout;
        }

        Probe close() {
            gate = new CountDownLatch(1);
            return this;
        }

        void open() {
            gate.countDown();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int layout() {
            return layout;
        }

        @Override
        public boolean handles(Class<?> payloadType) {
            return true;
        }

        @Override
        public void apply(List<ProjectedEvent> events, ProjectionStore store, Failures failures) {
            fed.add(store.version());
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            for (ProjectedEvent event : events) {
                store.collection(EVENTS).replaceOne(new Document("_id", event.position()),
                        new Document("_id", event.position()).append("layout", layout), UPSERT);
            }
        }
    }
}
