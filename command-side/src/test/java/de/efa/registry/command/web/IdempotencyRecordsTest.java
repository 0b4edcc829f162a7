package de.efa.registry.command.web;

import com.mongodb.client.MongoDatabase;
import de.efa.registry.testsupport.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Reservations of Idempotency-Keys against the real store, where several repeats of one request meet. */
class IdempotencyRecordsTest {

    private static final int REPEATS = 8;

    private final MongoDatabase database = TestStore.client().getDatabase(TestStore.freshDatabase());
    private final IdempotencyRecords records = new IdempotencyRecords(database);

    @Test
    void ofRepeatsThatFindAnExpiredReservationTogetherExactlyOneTakesItOver() throws Exception {
        ExecutorService repeats = Executors.newFixedThreadPool(REPEATS);
        try {
            for (int round = 0; round < 40; round++) {
                String id = "thueringen/expired-" + round;
                // what a request that died before storing anything leaves: reserved, unanswered, past the expiry
                database.getCollection("write_idempotency").insertOne(new Document("_id", id).append("fingerprint", "f")
                        .append("state", "PENDING").append("createdAt",
                                Date.from(Instant.now().minus(IdempotencyRecords.PENDING_EXPIRES).minus(Duration.ofSeconds(1)))));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<IdempotencyRecords.Reservation>> outcomes = new ArrayList<>();
                for (int i = 0; i < REPEATS; i++) {
                    outcomes.add(repeats.submit(() -> {
                        start.await();
                        return records.reserve(id, "f");
                    }));
                }
                start.countDown();
                int reserved = 0;
                for (Future<IdempotencyRecords.Reservation> outcome : outcomes) {
                    IdempotencyRecords.Reservation reservation = outcome.get();
                    assertThat(reservation).isInstanceOfAny(IdempotencyRecords.Reserved.class, IdempotencyRecords.InUse.class);
                    reserved += reservation instanceof IdempotencyRecords.Reserved ? 1 : 0;
                }
                assertThat(reserved).as("round %d: repeats that would run the request", round).isEqualTo(1);
            }
        } finally {
            repeats.shutdownNow();
        }
    }

    @Test
    void aRecorded202IsReplayedWhileItsWorkHasNotFailedAndThenTheRequestRunsAgainOnce() {
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        IdempotencyRecords jobAware = new IdempotencyRecords(database, location -> failed.get()
                && location.equals("/api/v1/jobs/first"));
        String id = "thueringen/bulk";
        assertThat(jobAware.reserve(id, "f")).isInstanceOf(IdempotencyRecords.Reserved.class);
        jobAware.remember(id, "f", new IdempotencyRecords.Answer(202, "application/json", "7", "/api/v1/jobs/first", new byte[0]));

        assertThat(jobAware.reserve(id, "f")).isInstanceOf(IdempotencyRecords.Replay.class);
        failed.set(true);
        assertThat(jobAware.reserve(id, "f")).as("the job failed: run it again").isInstanceOf(IdempotencyRecords.Reserved.class);
        assertThat(jobAware.reserve(id, "f")).as("and only once").isInstanceOf(IdempotencyRecords.InUse.class);
        jobAware.remember(id, "f", new IdempotencyRecords.Answer(202, "application/json", "9", "/api/v1/jobs/second", new byte[0]));
        assertThat(jobAware.reserve(id, "f")).isInstanceOfSatisfying(IdempotencyRecords.Replay.class,
                replay -> assertThat(replay.answer().location()).isEqualTo("/api/v1/jobs/second"));
        assertThat(jobAware.reserve(id, "other")).isInstanceOf(IdempotencyRecords.Reused.class);
    }
}
