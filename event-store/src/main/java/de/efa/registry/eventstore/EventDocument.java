package de.efa.registry.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.Date;

/**
 * One stored event: global position as {@code _id}, the aggregate stream it belongs to, payload and metadata as BSON
 * documents (so auditors can query them), and the hash chain fields.
 */
public final class EventDocument {

    public static final String POSITION = "_id";
    public static final String AGGREGATE_TYPE = "aggregateType";
    public static final String AGGREGATE_ID = "aggregateId";
    public static final String SEQUENCE = "sequence";
    public static final String STREAM_KEY = "streamKey";
    public static final String EVENT_ID = "eventId";
    public static final String PAYLOAD_TYPE = "payloadType";
    public static final String PAYLOAD_REVISION = "payloadRevision";
    public static final String TIMESTAMP = "timestamp";
    public static final String PAYLOAD = "payload";
    public static final String META_DATA = "metaData";
    public static final String HASH = "hash";
    public static final String PREVIOUS_HASH = "previousHash";
    /**
     * The {@link ChainRevision} number of the formula the hash was computed with; absent on events stored before
     * revisions existed (revision 1). A short name: it is stored on every event.
     */
    public static final String CHAIN_REVISION = "chain";

    /** Relaxed JSON: what Jackson wrote is what Jackson reads back, and what the hash is computed over. */
    static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private EventDocument() {
    }

    public static String streamKey(String aggregateId, long sequence) {
        return aggregateId + "/" + sequence;
    }

    static DomainEventData<String> toEventData(Document doc) {
        Document payload = doc.get(PAYLOAD, Document.class);
        Document metaData = doc.get(META_DATA, Document.class);
        return new GenericDomainEventEntry<>(
                doc.getString(AGGREGATE_TYPE),
                doc.getString(AGGREGATE_ID),
                ((Number) doc.get(SEQUENCE)).longValue(),
                doc.getString(EVENT_ID),
                doc.getDate(TIMESTAMP).toInstant(),
                doc.getString(PAYLOAD_TYPE),
                doc.getString(PAYLOAD_REVISION),
                payload == null ? "null" : payload.toJson(JSON),
                metaData == null ? "{}" : metaData.toJson(JSON));
    }

    static long position(Document doc) {
        return ((Number) doc.get(POSITION)).longValue();
    }

    static Date timestamp(Document doc) {
        return doc.getDate(TIMESTAMP);
    }
}
