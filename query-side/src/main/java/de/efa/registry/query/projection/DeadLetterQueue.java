package de.efa.registry.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dead letters of the projections in one small collection, {@code _id = <processor>|<position>}. Axon's
 * {@code MongoSequencedDeadLetterQueue} asks the queue once per handled event whether its sequence is blocked (a
 * query by non-unique fields, a full scan here); the processors keep the blocked aggregates in memory instead and
 * touch this collection only when something fails or is retried. Listing filters by processor: the collection
 * holds only failures, so a scan of it is cheap.
 */
@Component
public class DeadLetterQueue {

    static final String COLLECTION = "projection_dead_letters";

    private final MongoCollection<Document> letters;

    public DeadLetterQueue(MongoDatabase registryDatabase) {
        this.letters = registryDatabase.getCollection(COLLECTION);
    }

    public void add(String processor, ProjectedEvent event, String aggregateId, Throwable cause) {
        String id = processor + "|" + event.position();
        Document previous = letters.find(new Document("_id", id)).first();
        int attempts = previous == null ? 1 : previous.getInteger("attempts", 0) + 1;
        String reason = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        letters.replaceOne(new Document("_id", id), new Document("_id", id)
                .append("processor", processor).append("position", event.position()).append("eventId", event.eventId())
                .append("type", event.type()).append("aggregateId", aggregateId)
                .append("cause", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .append("attempts", attempts).append("lastAttempt", Date.from(Instant.now())), new ReplaceOptions().upsert(true));
    }

    public void remove(String processor, long position) {
        letters.deleteOne(new Document("_id", processor + "|" + position));
    }

    public List<DeadLetter> list(String processor) {
        List<DeadLetter> result = new ArrayList<>();
        for (Document d : letters.find(new Document("processor", processor))) {
            result.add(new DeadLetter(d.getString("processor"), ((Number) d.get("position")).longValue(),
                    d.getString("eventId"), d.getString("type"), d.getString("aggregateId"), d.getString("cause"),
                    d.getInteger("attempts", 1), d.getDate("lastAttempt").toInstant()));
        }
        result.sort(Comparator.comparingLong(DeadLetter::position));
        return result;
    }

    public Set<String> blockedAggregates(String processor) {
        Set<String> blocked = new TreeSet<>();
        list(processor).forEach(letter -> blocked.add(letter.aggregateId()));
        return blocked;
    }

    public long count(String processor) {
        return letters.countDocuments(new Document("processor", processor));
    }

    public void removeAll(String processor) {
        letters.deleteMany(new Document("processor", processor));
    }
}
