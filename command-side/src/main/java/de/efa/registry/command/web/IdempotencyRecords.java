package de.efa.registry.command.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Answers remembered per principal and {@code Idempotency-Key} in {@code write_idempotency}
 * ({@code _id = principal/key}). A key is first reserved (PENDING) so that two concurrent repeats cannot both run;
 * a reservation left behind by a crashed request expires.
 */
@Component
class IdempotencyRecords {

    static final Duration PENDING_EXPIRES = Duration.ofMinutes(5);

    private final MongoCollection<Document> records;

    IdempotencyRecords(MongoDatabase registryDatabase) {
        this.records = registryDatabase.getCollection("write_idempotency");
    }

    record Answer(int status, String contentType, String position, String location, byte[] body) {
    }

    sealed interface Reservation permits Reserved, Replay, Reused, InUse {
    }

    record Reserved() implements Reservation {
    }

    record Replay(Answer answer) implements Reservation {
    }

    record Reused() implements Reservation {
    }

    record InUse() implements Reservation {
    }

    Reservation reserve(String id, String fingerprint) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                records.insertOne(new Document("_id", id).append("fingerprint", fingerprint).append("state", "PENDING")
                        .append("createdAt", Date.from(Instant.now())));
                return new Reserved();
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Optional<Document> existing = Optional.ofNullable(records.find(new Document("_id", id)).first());
            if (existing.isEmpty()) {
                continue;
            }
            Document record = existing.get();
            if (!fingerprint.equals(record.getString("fingerprint"))) {
                return new Reused();
            }
            if ("DONE".equals(record.getString("state"))) {
                return new Replay(new Answer(record.getInteger("status"), record.getString("contentType"),
                        record.getString("position"), record.getString("location"), record.get("body", Binary.class).getData()));
            }
            if (record.getDate("createdAt").toInstant().plus(PENDING_EXPIRES).isAfter(Instant.now())) {
                return new InUse();
            }
            records.deleteOne(new Document("_id", id));
        }
        return new InUse();
    }

    void remember(String id, String fingerprint, Answer answer) {
        records.replaceOne(new Document("_id", id), new Document("_id", id).append("fingerprint", fingerprint)
                .append("state", "DONE").append("createdAt", Date.from(Instant.now()))
                .append("status", answer.status()).append("contentType", answer.contentType())
                .append("position", answer.position()).append("location", answer.location())
                .append("body", new Binary(answer.body())));
    }

    void forget(String id) {
        records.deleteOne(new Document("_id", id));
    }
}
