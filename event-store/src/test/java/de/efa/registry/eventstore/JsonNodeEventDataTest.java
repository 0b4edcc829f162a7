package de.efa.registry.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON tree built from BSON is the tree Jackson reads from the stored document's relaxed JSON text. */
class JsonNodeEventDataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void plainValuesGiveTheSameTreeAsTheTextRoute() throws Exception {
        Document document = new Document("text", "Gemeinde \"Süd\"\n")
                .append("int", 42)
                .append("smallLong", 7L)
                .append("bigLong", 9_000_000_000L)
                .append("flag", true)
                .append("none", null)
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3L))));

        assertThat(JsonNodeEventData.tree(document, true)).isEqualTo(MAPPER.readTree(document.toJson(EventDocument.JSON)));
    }

    @Test
    void valuesWithoutAPlainJsonFormTakeTheTextRoute() throws Exception {
        Document document = new Document("when", new Date(1_700_000_000_000L))
                .append("id", new ObjectId("65f0c0ffee0000000000abcd"))
                .append("ratio", 0.25)
                .append("nested", new Document("double", 1.0));

        assertThat(JsonNodeEventData.tree(document, true)).isEqualTo(MAPPER.readTree(document.toJson(EventDocument.JSON)));
    }

    @Test
    void aMissingPayloadIsNullAndMissingMetadataIsEmpty() {
        assertThat(JsonNodeEventData.tree(null, true).isNull()).isTrue();
        assertThat(JsonNodeEventData.tree(null, false).isEmpty()).isTrue();
    }

    @Test
    void aStoredDocumentBecomesTheEventDataAxonReads() throws Exception {
        Date timestamp = new Date(1_700_000_000_123L);
        Document stored = new Document(EventDocument.AGGREGATE_TYPE, "Municipality")
                .append(EventDocument.AGGREGATE_ID, "16051000")
                .append(EventDocument.SEQUENCE, 7L)
                .append(EventDocument.EVENT_ID, "e-1")
                .append(EventDocument.TIMESTAMP, timestamp)
                .append(EventDocument.PAYLOAD_TYPE, "de.efa.registry.kernel.adoption.AdoptionStarted")
                .append(EventDocument.PAYLOAD_REVISION, "2")
                .append(EventDocument.PAYLOAD, new Document("ags", "16051000"))
                .append(EventDocument.META_DATA, new Document("principal", "thueringen"));

        JsonNodeEventData data = JsonNodeEventData.of(stored);

        assertThat(data.getType()).isEqualTo("Municipality");
        assertThat(data.getAggregateIdentifier()).isEqualTo("16051000");
        assertThat(data.getSequenceNumber()).isEqualTo(7L);
        assertThat(data.getEventIdentifier()).isEqualTo("e-1");
        assertThat(data.getTimestamp()).isEqualTo(timestamp.toInstant());
        assertThat(data.getPayload().getType().getName()).isEqualTo("de.efa.registry.kernel.adoption.AdoptionStarted");
        assertThat(data.getPayload().getType().getRevision()).isEqualTo("2");
        assertThat(data.getPayload().getData()).isEqualTo(MAPPER.readTree("{\"ags\":\"16051000\"}"));
        assertThat(data.getPayload().getContentType()).isEqualTo(com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(data.getMetaData().getData()).isEqualTo(MAPPER.readTree("{\"principal\":\"thueringen\"}"));
        assertThat(data.getMetaData().getContentType()).isEqualTo(com.fasterxml.jackson.databind.JsonNode.class);
    }

    @Test
    void aValueWithoutAPlainFormInsideAListOrANestedDocumentSendsTheWholeDocumentTheTextRoute() throws Exception {
        Document inList = new Document("days", List.of("a", new Date(1_700_000_000_000L)));
        Document nested = new Document("outer", new Document("inner", new ObjectId("65f0c0ffee0000000000abcd")));

        assertThat(JsonNodeEventData.tree(inList, true)).isEqualTo(MAPPER.readTree(inList.toJson(EventDocument.JSON)));
        assertThat(JsonNodeEventData.tree(nested, false)).isEqualTo(MAPPER.readTree(nested.toJson(EventDocument.JSON)));
        // a long that fits an int is an int, as Jackson reads the text; a larger one stays a long
        assertThat(JsonNodeEventData.tree(new Document("n", 7L), true).get("n").isInt()).isTrue();
        assertThat(JsonNodeEventData.tree(new Document("n", 9_000_000_000L), true).get("n").isLong()).isTrue();
    }

    @Test
    void plainValuesBecomeNodesOnTheCheapRouteAndOthersAreLeftToTheTextRoute() {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        assertThat(JsonNodeEventData.value(null)).isEqualTo(nodes.nullNode());
        assertThat(JsonNodeEventData.value("Süd")).isEqualTo(nodes.textNode("Süd"));
        assertThat(JsonNodeEventData.value(42)).isEqualTo(nodes.numberNode(42));
        assertThat(JsonNodeEventData.value(9_000_000_000L)).isEqualTo(nodes.numberNode(9_000_000_000L));
        assertThat(JsonNodeEventData.value(true)).isEqualTo(nodes.booleanNode(true));
        assertThat(JsonNodeEventData.value(new Document("a", 1))).isEqualTo(nodes.objectNode().put("a", 1));
        assertThat(JsonNodeEventData.value(List.of(1, "x"))).isEqualTo(nodes.arrayNode().add(1).add("x"));
        // no plain JSON form, alone or inside: null, and the caller takes the text route for the whole document
        assertThat(JsonNodeEventData.value(0.25)).isNull();
        assertThat(JsonNodeEventData.value(new Date(0))).isNull();
        assertThat(JsonNodeEventData.value(List.of(1, new Date(0)))).isNull();
        assertThat(JsonNodeEventData.value(new Document("when", new Date(0)))).isNull();
    }
}
