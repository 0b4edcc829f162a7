package de.efa.registry.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.query.QuerySideTestBase;
import de.efa.registry.query.Scenario;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A crash in the middle of writing a batch — after some of its bulk writes, before the others (and so before the
 * token moved) — and the redelivery of that batch after the restart end in exactly the documents of one clean
 * delivery, for every projection and every point of the batch at which the crash can happen. (A real
 * {@code kill -9} under load and a comparison with a full rebuild: standalone {@code CrashDurabilityTest}.)
 */
class CrashMidBatchTest extends QuerySideTestBase {

    private static final int BATCH = 4;
    private static final Projection.Failures NONE = NoFailuresExpected.INSTANCE;

    @Autowired
    MongoDatabase database;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    List<Projection> projections;

    @Test
    void aBatchRedeliveredAfterACrashMidWriteEndsAsOneCleanDelivery() {
        Scenario scenario = new Scenario(history);
        body("/api/v1/services/" + scenario.wohngeld, scenario.last);
        List<ProjectedEvent> events = ProjectionSnapshots.allEvents(engine);

        for (Projection projection : projections) {
            ProjectionStore clean = new ProjectionStore(database, projection.name(), 80);
            projection.prepare(clean);
            applyInBatches(projection, events, clean, new AtomicInteger(Integer.MAX_VALUE));
            Map<String, List<Document>> expected = ProjectionSnapshots.contents(database, clean);
            int writes = countWrites(projection, events);

            for (int crashAt = 1; crashAt <= writes; crashAt++) {
                ProjectionStore crashed = new ProjectionStore(database, projection.name(), 100 + crashAt);
                projection.prepare(crashed);
                AtomicInteger countdown = new AtomicInteger(crashAt);
                applyInBatches(projection, events, crashed, countdown);
                assertThat(countdown.get()).as("the crash happened").isLessThanOrEqualTo(0);
                assertThat(ProjectionSnapshots.contents(database, crashed)).as("%s, crash before bulk write %d", projection.name(), crashAt).isEqualTo(expected);
                crashed.drop();
            }
            clean.drop();
        }
    }

    /** Delivers the history batch by batch; a batch whose write crashed is delivered again, as after a restart. */
    private void applyInBatches(Projection projection, List<ProjectedEvent> events, ProjectionStore store, AtomicInteger countdown) {
        ProjectionStore crashing = new ProjectionStore(crashing(database, countdown), store.projection(), store.version());
        for (int from = 0; from < events.size(); from += BATCH) {
            List<ProjectedEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            try {
                projection.apply(batch, crashing, NONE);
            } catch (Crash crash) {
                projection.apply(batch, store, NONE);
            }
        }
    }

    private int countWrites(Projection projection, List<ProjectedEvent> events) {
        ProjectionStore counting = new ProjectionStore(database, projection.name(), 99);
        AtomicInteger countdown = new AtomicInteger(Integer.MAX_VALUE);
        applyInBatches(projection, events, counting, countdown);
        counting.drop();
        return Integer.MAX_VALUE - countdown.get();
    }

    static final class Crash extends RuntimeException {
        Crash() {
            super("the process died here");
        }
    }

    /** A database whose collections die on the n-th bulk write (counted down across all of them). */
    private static MongoDatabase crashing(MongoDatabase database, AtomicInteger countdown) {
        return (MongoDatabase) Proxy.newProxyInstance(CrashMidBatchTest.class.getClassLoader(), new Class<?>[] {MongoDatabase.class},
                (proxy, method, args) -> {
                    Object result = invoke(database, method, args);
                    if (method.getName().equals("getCollection") && result instanceof MongoCollection<?> collection) {
                        return Proxy.newProxyInstance(CrashMidBatchTest.class.getClassLoader(), new Class<?>[] {MongoCollection.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("bulkWrite") && countdown.decrementAndGet() == 0) {
                                        throw new Crash();
                                    }
                                    return invoke(collection, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
