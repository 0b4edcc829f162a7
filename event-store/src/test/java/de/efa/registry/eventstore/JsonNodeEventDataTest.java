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
}
