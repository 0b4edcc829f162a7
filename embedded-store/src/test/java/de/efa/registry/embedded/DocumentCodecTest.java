package de.efa.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

class DocumentCodecTest {

    /** Every kind of value an index may have to skip on its way to the fields it reads. */
    private static Document everyKind() {
        return new Document("double", 1.5).append("string", "Göttingen").append("nested",
                new Document("a", new Document("b", List.of(1, "two")))).append("array", List.of(1L, 2.5, "x"))
            .append("binary", new BinData(new byte[] {1, 2, 3})).append("uuid", UUID.fromString("00000000-0000-0000-0000-000000000001"))
            .append("objectId", new ObjectId()).append("bool", true).append("date", Instant.ofEpochMilli(1_700_000_000_000L))
            .append("null", null).append("int", 42).append("timestamp", new BsonTimestamp(7L)).append("long", 1L << 40)
            .append("decimal", Decimal128.ONE).append("streamKey", "agg-1/3").append("_id", 17L);
    }

    @Test
    void aDocumentComesBackAsItWasStored() {
        Document document = everyKind();
        assertThat(DocumentCodec.decode(DocumentCodec.encode(document))).isEqualTo(document);
    }

    @Test
    void onlyTheNamedFieldsAreReadAndTheyReadAsInTheWholeDocument() {
        byte[] bson = DocumentCodec.encode(everyKind());

        Document fields = DocumentCodec.decodeFields(bson, Set.of("streamKey", "_id", "nested"));

        assertThat(fields).containsOnlyKeys("streamKey", "_id", "nested");
        assertThat(fields.get("streamKey")).isEqualTo("agg-1/3");
        assertThat(fields.get("_id")).isEqualTo(17L);
        assertThat(fields.get("nested")).isEqualTo(everyKind().get("nested"));
        assertThat(DocumentCodec.decodeFields(bson, Set.of("absent"))).isEmpty();
        assertThat(Missing.isNullOrMissing(DocumentCodec.decodeFields(bson, Set.of("null")).get("null"))).isTrue();
    }
}
