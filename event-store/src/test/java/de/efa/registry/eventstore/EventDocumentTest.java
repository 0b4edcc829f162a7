package de.efa.registry.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored event read back for Axon: every field where Axon expects it, and the same answer whether the serializer
 * is handed JSON text ({@link EventDocument#toEventData}) or a JSON tree ({@link JsonNodeEventData}).
 */
class EventDocumentTest {

    private static final Instant AT = Instant.parse("2024-05-06T07:08:09.010Z");

    @Test
    void theStreamKeyIsAggregateSlashSequence() {
        assertThat(EventDocument.streamKey("agg", 12)).isEqualTo("agg/12");
    }

    @Test
    void aStoredEventReadsBackWithEveryField() {
        Document stored = stored().append(EventDocument.PAYLOAD, new Document("name", "x"))
                .append(EventDocument.META_DATA, new Document("principal", "p"));

        DomainEventData<?> data = EventDocument.toEventData(stored);

        assertThat(data.getType()).isEqualTo("Service");
        assertThat(data.getAggregateIdentifier()).isEqualTo("agg");
        assertThat(data.getSequenceNumber()).isEqualTo(4L);
        assertThat(data.getEventIdentifier()).isEqualTo("evt-1");
        assertThat(data.getTimestamp()).isEqualTo(AT);
        assertThat(data.getPayload().getType().getName()).isEqualTo("de.Renamed");
        assertThat(data.getPayload().getType().getRevision()).isEqualTo("2");
        assertThat(data.getPayload().getData()).isEqualTo("{\"name\": \"x\"}");
        assertThat(data.getMetaData().getData()).isEqualTo("{\"principal\": \"p\"}");
        assertThat(EventDocument.position(stored)).isEqualTo(17L);
        assertThat(EventDocument.timestamp(stored)).isEqualTo(Date.from(AT));
    }

    @Test
    void aMissingPayloadReadsAsNullAndMissingMetadataAsEmpty() {
        DomainEventData<?> data = EventDocument.toEventData(stored());

        assertThat(data.getPayload().getData()).isEqualTo("null");
        assertThat(data.getMetaData().getData()).isEqualTo("{}");
    }

    @Test
    void theJsonTreeRouteCarriesTheSameFields() {
        Document stored = stored().append(EventDocument.PAYLOAD, new Document("name", "x"))
                .append(EventDocument.META_DATA, new Document("principal", "p"));

        JsonNodeEventData data = JsonNodeEventData.of(stored);

        assertThat(data.getType()).isEqualTo("Service");
        assertThat(data.getAggregateIdentifier()).isEqualTo("agg");
        assertThat(data.getSequenceNumber()).isEqualTo(4L);
        assertThat(data.getEventIdentifier()).isEqualTo("evt-1");
        assertThat(data.getTimestamp()).isEqualTo(AT);
        assertThat(data.getPayload().getType().getName()).isEqualTo("de.Renamed");
        assertThat(data.getPayload().getType().getRevision()).isEqualTo("2");
        assertThat(data.getPayload().getData().get("name").asText()).isEqualTo("x");
        assertThat(data.getMetaData().getData().get("principal").asText()).isEqualTo("p");
    }

    private static Document stored() {
        return new Document(EventDocument.POSITION, 17L)
                .append(EventDocument.AGGREGATE_TYPE, "Service")
                .append(EventDocument.AGGREGATE_ID, "agg")
                .append(EventDocument.SEQUENCE, 4L)
                .append(EventDocument.EVENT_ID, "evt-1")
                .append(EventDocument.PAYLOAD_TYPE, "de.Renamed")
                .append(EventDocument.PAYLOAD_REVISION, "2")
                .append(EventDocument.TIMESTAMP, Date.from(AT));
    }
}
