package de.efa.registry.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.registry.eventstore.EventDocument;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Lifts a stored event to the revision the code knows today, through the same upcasters (and serializer) the event
 * store uses for aggregates and processors, so that the auditor sees what every other reader sees.
 */
@Component
class CurrentRevision {

    /** As the engine renders stored BSON for its readers: relaxed extended JSON. */
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final Serializer serializer;
    private final EventUpcasterChain upcasters;

    CurrentRevision(@Qualifier("eventSerializer") Serializer eventSerializer, ObjectProvider<EventUpcaster> upcasters) {
        this.serializer = eventSerializer;
        this.upcasters = new EventUpcasterChain(upcasters.orderedStream().toList());
    }

    /** The stored event at today's revision; payload as JSON tree, type and revision as upcast. */
    UpcastEvent of(Document stored) {
        Document payload = stored.get(EventDocument.PAYLOAD, Document.class);
        Document metaData = stored.get(EventDocument.META_DATA, Document.class);
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>(
                stored.getString(EventDocument.AGGREGATE_TYPE),
                stored.getString(EventDocument.AGGREGATE_ID),
                StoredEventLog.sequence(stored),
                stored.getString(EventDocument.EVENT_ID),
                stored.getDate(EventDocument.TIMESTAMP).toInstant(),
                stored.getString(EventDocument.PAYLOAD_TYPE),
                stored.getString(EventDocument.PAYLOAD_REVISION),
                payload == null ? "null" : payload.toJson(JSON),
                metaData == null ? "{}" : metaData.toJson(JSON));
        List<IntermediateEventRepresentation> upcast = upcasters
                .upcast(java.util.stream.Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        // the registry's upcasters map one event to one event; a chain that dropped it leaves the stored form
        IntermediateEventRepresentation current = upcast.isEmpty() ? new InitialEventRepresentation(entry, serializer) : upcast.get(0);
        return new UpcastEvent(current, serializer);
    }

    /** One event at today's revision, with its payload as JSON (for display) or as the Java event (for folding). */
    static final class UpcastEvent {

        private final IntermediateEventRepresentation representation;
        private final Serializer serializer;

        private UpcastEvent(IntermediateEventRepresentation representation, Serializer serializer) {
            this.representation = representation;
            this.serializer = serializer;
        }

        String typeName() {
            return representation.getType().getName();
        }

        String revision() {
            return representation.getType().getRevision();
        }

        JsonNode payloadTree() {
            return representation.getData(JsonNode.class).getData();
        }

        /** @return the deserialized event, or null when no class of that name exists (any more) */
        Object payload() {
            SerializedObject<?> data = representation.getData();
            Class<?> type = serializer.classForType(data.getType());
            if (UnknownSerializedType.class.equals(type)) {
                return null;
            }
            return serializer.deserialize(data);
        }
    }
}
