package de.efa.registry.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

/**
 * Hands out global positions from one counter document with {@code $inc} by the batch size.
 * <p>
 * The document is read as it was <em>before</em> the increment: under concurrency the embedded server handed out
 * the same value twice when asked for the document after the update, never before. A position whose append then
 * fails stays a permanent gap; readers must tolerate that (see {@link EventStreamReader}).
 */
public final class PositionAllocator {

    static final String COUNTER_ID = "eventPosition";
    private static final String VALUE = "value";

    private final MongoCollection<Document> counters;

    public PositionAllocator(MongoCollection<Document> counters) {
        this.counters = counters;
    }

    public void ensureCounter() {
        try {
            counters.updateOne(new Document("_id", COUNTER_ID), new Document("$setOnInsert", new Document(VALUE, 0L)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // a concurrent instance created it first: that is all we wanted
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** @return the first of {@code count} consecutive positions reserved for the caller */
    public long allocate(int count) {
        Document before = counters.findOneAndUpdate(new Document("_id", COUNTER_ID),
                new Document("$inc", new Document(VALUE, (long) count)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE).upsert(true));
        long last = before == null ? 0L : ((Number) before.get(VALUE)).longValue();
        return last + 1;
    }

    /**
     * Reserves {@code count} more positions right after {@code end}, but only while {@code end} is still the highest
     * position handed out (nobody reserved after it).
     *
     * @return whether positions {@code end + 1 .. end + count} are now the caller's
     */
    public boolean extend(long end, int count) {
        return counters.updateOne(new Document("_id", COUNTER_ID).append(VALUE, end),
                new Document("$inc", new Document(VALUE, (long) count))).getModifiedCount() == 1;
    }

    /**
     * Hands the unused tail of a reservation back: the counter returns from {@code end} to {@code lastUsed}, but only
     * while {@code end} is still the highest position handed out.
     *
     * @return whether the positions after {@code lastUsed} are free again (otherwise they stay permanent gaps)
     */
    public boolean giveBack(long end, long lastUsed) {
        return counters.updateOne(new Document("_id", COUNTER_ID).append(VALUE, end),
                new Document("$set", new Document(VALUE, lastUsed))).getModifiedCount() == 1;
    }

    /** The highest position handed out so far (its event may still be in flight, or never arrive). */
    public long head() {
        Document counter = counters.find(new Document("_id", COUNTER_ID)).first();
        return counter == null ? 0L : ((Number) counter.get(VALUE)).longValue();
    }
}
