package de.efa.registry.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored event handed to a Jackson serializer as a JSON tree built straight from the BSON payload and metadata —
 * the tree Jackson would have parsed from the relaxed extended JSON, without writing and re-parsing that text
 * (which was most of the client's cost of streaming an event). Values without a plain JSON form (dates, object ids,
 * decimals, binaries) take the text route, so the result is always the same.
 */
record JsonNodeEventData(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                         Instant timestamp, String payloadType, String payloadRevision, JsonNode payload,
                         JsonNode metaData) implements DomainEventData<JsonNode> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final com.fasterxml.jackson.databind.ObjectMapper TEXT_ROUTE = new com.fasterxml.jackson.databind.ObjectMapper();

    static JsonNodeEventData of(Document doc) {
        return new JsonNodeEventData(doc.getString(EventDocument.AGGREGATE_TYPE), doc.getString(EventDocument.AGGREGATE_ID),
                ((Number) doc.get(EventDocument.SEQUENCE)).longValue(), doc.getString(EventDocument.EVENT_ID),
                doc.getDate(EventDocument.TIMESTAMP).toInstant(), doc.getString(EventDocument.PAYLOAD_TYPE),
                doc.getString(EventDocument.PAYLOAD_REVISION), tree(doc.get(EventDocument.PAYLOAD, Document.class), true),
                tree(doc.get(EventDocument.META_DATA, Document.class), false));
    }

    /** What {@code EventDocument.toEventData} would have given as text: "null" payload, "{}" metadata when absent. */
    static JsonNode tree(Document document, boolean payload) {
        if (document == null) {
            return payload ? NODES.nullNode() : NODES.objectNode();
        }
        ObjectNode node = NODES.objectNode();
        return fill(node, document) ? node : viaText(document);
    }

    private static boolean fill(ObjectNode node, Map<String, Object> document) {
        for (Map.Entry<String, Object> field : document.entrySet()) {
            JsonNode value = value(field.getValue());
            if (value == null) {
                return false;
            }
            node.set(field.getKey(), value);
        }
        return true;
    }

    /** @return the JSON node of a BSON value, or null if it has no plain JSON form */
    static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof String s) {
            return NODES.textNode(s);
        } else if (value instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (value instanceof Long l) {
            // relaxed JSON writes a long as a plain number, which Jackson reads back as an int where it fits
            return l == l.intValue() ? NODES.numberNode(l.intValue()) : NODES.numberNode(l);
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof Document d) {
            ObjectNode child = NODES.objectNode();
            return fill(child, d) ? child : null;
        } else if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (Object element : list) {
                JsonNode e = value(element);
                if (e == null) {
                    return null;
                }
                array.add(e);
            }
            return array;
        }
        // doubles (their text form), dates, object ids, decimals, binaries: the text route
        return null;
    }

    private static JsonNode viaText(Document document) {
        try {
            return TEXT_ROUTE.readTree(document.toJson(EventDocument.JSON));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored event document is not valid JSON", e);
        }
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<JsonNode> getMetaData() {
        return new SerializedMetaData<>(metaData, JsonNode.class);
    }

    @Override
    public SerializedObject<JsonNode> getPayload() {
        return new SimpleSerializedObject<>(payload, JsonNode.class, payloadType, payloadRevision);
    }

}
