package de.efa.registry.query.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.efa.registry.eventstore.EventStoreCollections;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens of all segments of a processor as the token store holds them, whichever instance claims them. Axon's
 * {@code TokenStore} can only read a token by claiming it; progress across instances needs a read that claims
 * nothing, so this reads the documents the Mongo token store writes ({@code processorName}, {@code segment},
 * {@code token}, {@code tokenType}). A token is stored after its batch was applied, so a stored token never claims
 * more than the projection holds.
 * <p>
 * Readers waiting for a position poll often; a read younger than a few milliseconds is answered from memory.
 */
@Component
public class StoredTokens {

    private static final long FRESH_NANOS = 10_000_000L;

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final Map<String, Read> cache = new ConcurrentHashMap<>();

    public StoredTokens(MongoDatabase registryDatabase, Serializer serializer) {
        this.tokens = registryDatabase.getCollection(EventStoreCollections.TOKENS);
        this.serializer = serializer;
    }

    /** Segment → token (null while a segment has none yet); empty while the processor has no segments. */
    public Map<Integer, TrackingToken> of(String processorName) {
        long now = System.nanoTime();
        Read read = cache.get(processorName);
        if (read != null && now - read.at < FRESH_NANOS) {
            return read.tokens;
        }
        Map<Integer, TrackingToken> result = new TreeMap<>();
        for (Document document : tokens.find(new Document("processorName", processorName))) {
            result.put(((Number) document.get("segment")).intValue(), token(document));
        }
        cache.put(processorName, new Read(result, now));
        return result;
    }

    /**
     * The segments whose claim an instance extended within {@code claimTimeout}: being processed somewhere right now
     * (the Mongo token store keeps {@code owner} and {@code timestamp}, epoch milliseconds, per segment).
     */
    java.util.Set<Integer> claimedWithin(String processorName, java.time.Duration claimTimeout) {
        long since = System.currentTimeMillis() - claimTimeout.toMillis();
        java.util.Set<Integer> claimed = new java.util.HashSet<>();
        for (Document document : tokens.find(new Document("processorName", processorName))) {
            boolean fresh = document.get("timestamp") instanceof Number at && at.longValue() >= since;
            if (document.get("owner") != null && fresh) {
                claimed.add(((Number) document.get("segment")).intValue());
            }
        }
        return claimed;
    }

    void forget(String processorName) {
        cache.remove(processorName);
    }

    private TrackingToken token(Document document) {
        Object data = document.get("token");
        String type = document.getString("tokenType");
        if (data == null || type == null) {
            return null;
        }
        byte[] bytes = data instanceof Binary binary ? binary.getData() : (byte[]) data;
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    private record Read(Map<Integer, TrackingToken> tokens, long at) {
    }
}
