package de.efa.registry.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.EventStoreCollections;
import de.efa.registry.platform.web.ProblemTypes;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Answers remembered per principal and {@code Idempotency-Key} in {@code write_idempotency}
 * ({@code _id = principal/key}). A key is first reserved (PENDING) so that two concurrent repeats cannot both run;
 * a reservation left behind by a crashed request expires.
 */
@Component
class IdempotencyRecords {

    static final Duration PENDING_EXPIRES = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> events;
    private final AcceptedWork acceptedWork;

    IdempotencyRecords(MongoDatabase registryDatabase) {
        this(registryDatabase, location -> false);
    }

    @Autowired
    IdempotencyRecords(MongoDatabase registryDatabase, ObjectProvider<AcceptedWork> acceptedWork) {
        this(registryDatabase, location -> acceptedWork.stream().anyMatch(work -> work.failed(location)));
    }

    IdempotencyRecords(MongoDatabase registryDatabase, AcceptedWork acceptedWork) {
        this.acceptedWork = acceptedWork;
        this.records = registryDatabase.getCollection("write_idempotency");
        this.events = registryDatabase.getCollection(EventStoreCollections.EVENTS);
        // only events of keyed requests have the field (sparse), and only a repeat after a crash asks for it
        events.createIndex(Indexes.ascending(EventDocument.META_DATA + "." + IdempotentRequest.META_DATA_KEY),
                new IndexOptions().sparse(true).name("idempotencyKey_sparse"));
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
                records.insertOne(pending(id, fingerprint));
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
                Answer answer = new Answer(record.getInteger("status"), record.getString("contentType"),
                        record.getString("position"), record.getString("location"), record.get("body", Binary.class).getData());
                if (!acceptedWorkFailed(answer)) {
                    return new Replay(answer);
                }
                // a 202 stood for work not yet done; that work failed (a job cut short by a restart), so the 202 is no
                // answer to keep: the repeat runs the request again and finishes the work (the import sends only what
                // is still missing, the bulk adoption refuses what is adopted already). Taken over only while it is
                // still that very answer: of several repeats arriving at once, one runs the request
                Document failed = new Document("_id", id).append("state", "DONE").append("location", answer.location());
                if (records.replaceOne(failed, pending(id, fingerprint)).getMatchedCount() == 1) {
                    return new Reserved();
                }
                continue;
            }
            if (record.getDate("createdAt").toInstant().plus(PENDING_EXPIRES).isAfter(Instant.now())) {
                return new InUse();
            }
            // reserved long ago and never answered: the request died (a crash) — before or after storing its events.
            // Taken over only while it is still that same expired reservation: of several repeats arriving at once,
            // one runs the request and the others find it reserved anew
            Document expired = new Document("_id", id).append("state", "PENDING")
                    .append("createdAt", record.getDate("createdAt"));
            OptionalLong carriedOut = lastEventOf(id);
            if (carriedOut.isPresent()) {
                Answer lost = alreadyCarriedOut(carriedOut.getAsLong());
                records.replaceOne(expired, answered(id, fingerprint, lost));
                return new Replay(lost);
            }
            if (records.replaceOne(expired, pending(id, fingerprint)).getMatchedCount() == 1) {
                return new Reserved();
            }
        }
        return new InUse();
    }

    private boolean acceptedWorkFailed(Answer answer) {
        return answer.status() == 202 && answer.location() != null && acceptedWork.failed(answer.location());
    }

    /** The position of the last event stored by the request with this key, if it stored any. */
    private OptionalLong lastEventOf(String id) {
        long last = -1;
        String field = EventDocument.META_DATA + "." + IdempotentRequest.META_DATA_KEY;
        for (Document event : events.find(new Document(field, id))
                .projection(Projections.include(EventDocument.POSITION))) {
            last = Math.max(last, ((Number) event.get(EventDocument.POSITION)).longValue());
        }
        return last < 0 ? OptionalLong.empty() : OptionalLong.of(last);
    }

    /**
     * What a request whose answer was lost in a crash answers from then on: its events are stored, its original
     * answer is not, and running it again would do it twice (a second service, cooperation or adoption).
     */
    private static Answer alreadyCarriedOut(long lastPosition) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.REQUEST_ALREADY_CARRIED_OUT.toString());
        problem.put("title", "Request already carried out");
        problem.put("status", 409);
        problem.put("detail", "This request was carried out before the registry was interrupted, and its answer was"
                + " lost; it is not carried out again. Its changes are recorded up to position " + lastPosition
                + " (Registry-Position): read the records it changed to see them");
        try {
            return new Answer(409, MediaType.APPLICATION_PROBLEM_JSON_VALUE, Long.toString(lastPosition), null,
                    JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void remember(String id, String fingerprint, Answer answer) {
        records.replaceOne(new Document("_id", id), answered(id, fingerprint, answer));
    }

    private static Document pending(String id, String fingerprint) {
        return new Document("_id", id).append("fingerprint", fingerprint).append("state", "PENDING")
                .append("createdAt", Date.from(Instant.now()));
    }

    private static Document answered(String id, String fingerprint, Answer answer) {
        return new Document("_id", id).append("fingerprint", fingerprint)
                .append("state", "DONE").append("createdAt", Date.from(Instant.now()))
                .append("status", answer.status()).append("contentType", answer.contentType())
                .append("position", answer.position()).append("location", answer.location())
                .append("body", new Binary(answer.body()));
    }

    void forget(String id) {
        records.deleteOne(new Document("_id", id));
    }
}
