package de.efa.registry.eventstore;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EngineFixture.Happened;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static de.efa.registry.eventstore.EngineFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The engine against the MongoDB-protocol server over TCP. */
class MongoEventStorageEngineTest {

    private final MongoDatabase database = EngineFixture.freshDatabase();
    private final List<TrackingEventProcessor> processors = new ArrayList<>();

    @AfterEach
    void stopProcessors() {
        processors.forEach(TrackingEventProcessor::shutDown);
    }

    @Test
    void appendedEventsReadBackAsTheAggregateStreamAndInPositionOrder() {
        MongoEventStorageEngine engine = EngineFixture.engine(database);

        engine.appendEvents(List.of(event("a", 0, new Happened("founded", 1)), event("a", 1, new Happened("grew", 2))));
        engine.appendEvents(List.of(event("b", 0, new Happened("founded", 3))));

        List<DomainEventMessage<?>> stream = new ArrayList<>(engine.readEvents("a").asStream().toList());
        assertThat(payloads(stream))
                .containsExactly(new Happened("founded", 1), new Happened("grew", 2));
        assertThat(stream.get(0).getMetaData()).containsEntry("principal", "tester");
        assertThat(engine.lastSequenceNumberFor("a")).contains(1L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();

        List<? extends TrackedEventMessage<?>> tracked = engine.readEvents(null, false).toList();
        assertThat(payloads(tracked))
                .containsExactly(new Happened("founded", 1), new Happened("grew", 2), new Happened("founded", 3));
        assertThat(((GapAwareTrackingToken) tracked.get(2).trackingToken()).getIndex()).isEqualTo(3);
        assertThat(engine.headPosition()).isEqualTo(3);
    }

    @Test
    void payloadAndMetadataAreStoredAsQueryableDocumentsWithAHashChain() {
        MongoEventStorageEngine engine = EngineFixture.engine(database);
        engine.appendEvents(List.of(event("a", 0, new Happened("founded", 1)), event("a", 1, new Happened("grew", 2))));

        Document first = database.getCollection("events").find(new Document("streamKey", "a/0")).first();
        Document second = database.getCollection("events").find(new Document("streamKey", "a/1")).first();

        assertThat(first.get("payload", Document.class)).containsEntry("what", "founded");
        assertThat(first.get("metaData", Document.class)).containsEntry("principal", "tester");
        assertThat(first.getString("previousHash")).isEqualTo(HashChain.GENESIS);
        assertThat(first.getString("hash")).isEqualTo(HashChain.hashOf(first, HashChain.GENESIS)).hasSize(64);
        assertThat(second.getString("previousHash")).isEqualTo(first.getString("hash"));
        assertThat(second.getString("hash")).isEqualTo(HashChain.hashOf(second, first.getString("hash")));
    }

    @Test
    void newEventsAreHashedByChainRevisionTwoOverTheirStoredPrincipal() {
        MongoEventStorageEngine engine = EngineFixture.engine(database);
        engine.appendEvents(List.of(event("attributed", 0, new Happened("founded", 1))));

        Document stored = database.getCollection("events").find(new Document("streamKey", "attributed/0")).first();

        assertThat(stored.get(EventDocument.CHAIN_REVISION)).isEqualTo(2);
        assertThat(stored.getString("hash")).isEqualTo(HashChain.hash(ChainRevision.WITH_ATTRIBUTION, HashChain.GENESIS,
                "attributed", 0, Happened.class.getName(), stored.get("payload", Document.class),
                stored.getDate("timestamp").toInstant(), Attribution.of(stored.get("metaData", Document.class))));
        assertThat(Attribution.of(stored.get("metaData", Document.class)).principal()).isEqualTo("tester");
        // someone with database access names another principal: the stored hash no longer matches
        stored.get("metaData", Document.class).put("principal", "intruder");
        assertThat(HashChain.hashOf(stored, HashChain.GENESIS)).isNotEqualTo(stored.getString("hash"));
    }

    @Test
    void ofTwoConcurrentAppendsToOneAggregateExactlyOneWins() throws Exception {
        MongoEventStorageEngine engine = EngineFixture.engine(database);
        engine.appendEvents(List.of(event("contested", 0, new Happened("founded", 0))));
        int contenders = 8;
        CyclicBarrier start = new CyclicBarrier(contenders);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger conflicted = new AtomicInteger();
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            int contender = i;
            runs.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                    engine.appendEvents(List.of(event("contested", 1, new Happened("contender", contender))));
                    won.incrementAndGet();
                } catch (ConcurrencyException e) {
                    conflicted.incrementAndGet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(won).hasValue(1);
        assertThat(conflicted).hasValue(contenders - 1);
        assertThat(engine.readEvents("contested").asStream().count()).isEqualTo(2);
    }

    @Test
    void aFirstEventForAnExistingAggregateIsRefusedAsADuplicateStream() {
        MongoEventStorageEngine engine = EngineFixture.engine(database);
        engine.appendEvents(List.of(event("dup", 0, new Happened("one", 1))));

        assertThatThrownBy(() -> engine.appendEvents(List.of(event("dup", 0, new Happened("two", 2)))))
                .isInstanceOf(org.axonframework.modelling.command.AggregateStreamCreationException.class);
    }

    @Test
    void thePositionAllocatorNeverHandsOutAPositionTwice() throws Exception {
        PositionAllocator allocator = new PositionAllocator(database.getCollection("counters"));
        allocator.ensureCounter();
        int threads = 16;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> handedOut = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            runs.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perThread; i++) {
                    long first = allocator.allocate(3);
                    for (long p = first; p < first + 3; p++) {
                        handedOut.add(p);
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(handedOut).doesNotHaveDuplicates().hasSize(threads * perThread * 3);
        assertThat(allocator.head()).isEqualTo(threads * perThread * 3L);
    }

    @Test
    void anAppendThatIsSlowBetweenAllocationAndInsertIsStillDeliveredToATrackingProcessor() throws Exception {
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean slowOnce = new AtomicBoolean(true);
        MongoEventStorageEngine engine = withHook(database, (first, count) -> {
            if (slowOnce.getAndSet(false)) {
                allocated.countDown();
                awaitLatch(release);
            }
        });
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(20).build();
        startProcessor(store, seen);

        CompletableFuture<Void> slow = CompletableFuture.runAsync(
                () -> engine.appendEvents(List.of(event("slow", 0, new Happened("slow", 1)))));
        allocated.await(10, TimeUnit.SECONDS);
        engine.appendEvents(List.of(event("fast", 0, new Happened("fast", 2))));
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(new Happened("fast", 2)));

        // well over a second later, the slow writer finally inserts below the processor's position
        await().pollDelay(Duration.ofMillis(1200)).until(() -> true);
        release.countDown();
        slow.get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(seen).containsExactlyInAnyOrder(new Happened("fast", 2), new Happened("slow", 1)));
    }

    @Test
    void aFailedAppendLeavesAGapThatDoesNotStallProcessors() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        MongoEventStorageEngine engine = withHook(database, (first, count) -> {
            if (failOnce.getAndSet(false)) {
                throw new IllegalStateException("writer died after allocating positions");
            }
        });
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(20).build();

        assertThatThrownBy(() -> engine.appendEvents(List.of(event("lost", 0, new Happened("lost", 0)),
                event("lost", 1, new Happened("lost", 1))))).isInstanceOf(IllegalStateException.class);
        for (int i = 0; i < 5; i++) {
            engine.appendEvents(List.of(event("after-" + i, 0, new Happened("after", i))));
        }
        startProcessor(store, seen);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen).hasSize(5));
        assertThat(engine.headPosition()).isEqualTo(7);
    }

    @Test
    void aWholeBatchOfPositionsThatNeverArrivedIsSteppedOver() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        MongoEventStorageEngine engine = withHook(database, (first, count) -> {
            if (failOnce.getAndSet(false)) {
                throw new IllegalStateException("a crashed bulk append");
            }
        });
        List<DomainEventMessage<?>> bulk = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            bulk.add(event("bulk", i, new Happened("bulk", i)));
        }
        assertThatThrownBy(() -> engine.appendEvents(bulk)).isInstanceOf(IllegalStateException.class);
        engine.appendEvents(List.of(event("survivor", 0, new Happened("survivor", 1))));

        List<? extends TrackedEventMessage<?>> read = engine.readEvents(null, false).toList();

        assertThat(payloads(read)).containsExactly(new Happened("survivor", 1));
        assertThat(((GapAwareTrackingToken) read.get(0).trackingToken()).getIndex()).isEqualTo(251);
    }

    @Test
    void snapshotsKeepOnlyTheLatest() {
        MongoEventStorageEngine engine = EngineFixture.engine(database);
        engine.storeSnapshot(event("s", 10, new Happened("snapshot", 10)));
        engine.storeSnapshot(event("s", 5, new Happened("older", 5)));

        assertThat(engine.readSnapshot("s")).map(DomainEventMessage::getSequenceNumber).contains(10L);
        engine.storeSnapshot(event("s", 20, new Happened("newer", 20)));
        assertThat(engine.readSnapshot("s").map(m -> (Object) m.getPayload())).contains(new Happened("newer", 20));
    }

    @Test
    void aTokenAtAnInstantStartsWithTheFirstEventStoredFromThen() {
        MongoEventStorageEngine engine = EngineFixture.engine(database);
        engine.appendEvents(List.of(new org.axonframework.eventhandling.GenericDomainEventMessage<>("T", "t", 0,
                new Happened("early", 1), org.axonframework.messaging.MetaData.emptyInstance(), "e1",
                java.time.Instant.parse("2024-01-01T00:00:00Z"))));
        engine.appendEvents(List.of(new org.axonframework.eventhandling.GenericDomainEventMessage<>("T", "t", 1,
                new Happened("late", 2), org.axonframework.messaging.MetaData.emptyInstance(), "e2",
                java.time.Instant.parse("2025-01-01T00:00:00Z"))));

        var token = engine.createTokenAt(java.time.Instant.parse("2024-06-01T00:00:00Z"));

        assertThat(payloads(engine.readEvents(token, false).toList()))
                .containsExactly(new Happened("late", 2));
    }

    private void startProcessor(EmbeddedEventStore store, List<Object> seen) {
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("test-" + processors.size())
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers((org.axonframework.eventhandling.EventMessageHandler) e -> seen.add(e.getPayload()))
                        .build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andEventAvailabilityTimeout(50, TimeUnit.MILLISECONDS))
                .build();
        processor.start();
        processors.add(processor);
    }

    interface AllocationHook {
        void positionsAllocated(long first, int count);
    }

    static MongoEventStorageEngine withHook(MongoDatabase database, AllocationHook hook) {
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
                .collections(new EventStoreCollections(database))
                .eventSerializer(EngineFixture.SERIALIZER)
                .snapshotSerializer(EngineFixture.SERIALIZER)
                .gapTimeout(Duration.ofSeconds(30))
                .batchSize(100);
        builder.validate();
        return new MongoEventStorageEngine(builder) {
            @Override
            protected void positionsAllocated(long firstPosition, int count) {
                hook.positionsAllocated(firstPosition, count);
            }
        };
    }

    private static List<Object> payloads(List<? extends EventMessage<?>> messages) {
        return messages.stream().map(m -> (Object) m.getPayload()).collect(Collectors.toList());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
