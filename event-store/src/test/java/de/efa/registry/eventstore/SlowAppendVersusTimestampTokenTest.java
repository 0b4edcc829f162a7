package de.efa.registry.eventstore;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EngineFixture.Happened;
import de.efa.registry.testsupport.TestStore;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static de.efa.registry.eventstore.EngineFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Why the registry has its own engine: one writer is slow — its event is created (and, for us, its position
 * allocated) first, but reaches the store 1.5 s after a faster writer's event, which a processor has already
 * handled. Axon's MongoDB extension tracks by timestamp with a look-back window (one second here) and never
 * delivers the late event; our engine tracks by position with a gap-aware token and delivers it.
 */
class SlowAppendVersusTimestampTokenTest {

    private static final Duration SLOW = Duration.ofMillis(1500);

    private final List<TrackingEventProcessor> processors = new ArrayList<>();

    @AfterEach
    void stop() {
        processors.forEach(TrackingEventProcessor::shutDown);
    }

    @Test
    void axonsMongoExtensionMissesAnEventAppendedLaterThanItsLookBackWindow() {
        String database = TestStore.freshDatabase();
        org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine axonMongo =
                org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine.builder()
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(TestStore.client(), database).build())
                        .eventSerializer(EngineFixture.SERIALIZER)
                        .snapshotSerializer(EngineFixture.SERIALIZER)
                        .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(), Duration.ofSeconds(1)))
                        .build();
        axonMongo.ensureIndexes();
        List<Object> seen = track(axonMongo);

        DomainEventMessage<Object> slow = event("slow", 0, new Happened("slow", 1));
        pause(SLOW);
        axonMongo.appendEvents(List.of(event("fast", 0, new Happened("fast", 2))));
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(new Happened("fast", 2)));
        axonMongo.appendEvents(List.of(slow));
        axonMongo.appendEvents(List.of(event("later", 0, new Happened("later", 3))));

        // the processor has read past the moment the slow event arrived, and still never saw it
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(new Happened("later", 3)));
        assertThat(seen).containsExactly(new Happened("fast", 2), new Happened("later", 3));
        assertThat(axonMongo.readEvents("slow").asStream()).as("though it is stored").hasSize(1);
    }

    @Test
    void ourEngineDeliversTheSameLateEvent() throws Exception {
        MongoDatabase database = EngineFixture.freshDatabase();
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean slowOnce = new AtomicBoolean(true);
        MongoEventStorageEngine ours = MongoEventStorageEngineTest.withHook(database, (first, count) -> {
            if (slowOnce.getAndSet(false)) {
                allocated.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        List<Object> seen = track(ours);

        DomainEventMessage<Object> slow = event("slow", 0, new Happened("slow", 1));
        CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() -> ours.appendEvents(List.of(slow)));
        assertThat(allocated.await(10, TimeUnit.SECONDS)).isTrue();
        pause(SLOW);
        ours.appendEvents(List.of(event("fast", 0, new Happened("fast", 2))));
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(new Happened("fast", 2)));
        release.countDown();
        slowWriter.get(10, TimeUnit.SECONDS);
        ours.appendEvents(List.of(event("later", 0, new Happened("later", 3))));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen).containsExactlyInAnyOrder(
                new Happened("fast", 2), new Happened("slow", 1), new Happened("later", 3)));
    }

    private List<Object> track(EventStorageEngine engine) {
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("projection-" + processors.size())
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers((EventMessageHandler) e -> seen.add(e.getPayload())).build())
                .messageSource(EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(20).build())
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andEventAvailabilityTimeout(50, TimeUnit.MILLISECONDS))
                .build();
        processor.start();
        processors.add(processor);
        return seen;
    }

    private static void pause(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
    }
}
