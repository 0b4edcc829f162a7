package de.efa.registry.eventstore;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the hash chain covers. Each part of an event — predecessor, aggregate, sequence, type, payload and timestamp —
 * must change the hash, or an auditor could not see that part altered. The timestamp matters on its own: backdating
 * an event changes what the register looked like "as of" a date without touching its content.
 */
class HashChainTest {

    private static final Instant AT = Instant.parse("2024-03-01T10:15:30.123Z");
    private static final Document PAYLOAD = new Document("name", "Wohngeld").append("level", 3);

    @Test
    void theHashIsSha256OverTheDocumentedPartsOneALine() {
        String expected = sha256("prev\nagg-1\n7\nde.Type\n{\"name\": \"Wohngeld\", \"level\": 3}\n2024-03-01T10:15:30.123Z");
        assertThat(HashChain.hash("prev", "agg-1", 7, "de.Type", PAYLOAD, AT)).isEqualTo(expected);
    }

    @Test
    void theTimestampIsPartOfTheHash() {
        String original = HashChain.hash("prev", "agg-1", 7, "de.Type", PAYLOAD, AT);
        // one millisecond earlier, everything else the same: a backdated event must not keep its hash
        assertThat(HashChain.hash("prev", "agg-1", 7, "de.Type", PAYLOAD, AT.minusMillis(1))).isNotEqualTo(original);
    }

    @Test
    void aStoredEventWhoseTimestampWasChangedNoLongerMatchesItsHash() {
        Document stored = storedEvent(AT);
        String hash = HashChain.hashOf(stored, "prev");
        assertThat(hash).isEqualTo(HashChain.hash("prev", "agg-1", 7, "de.Type", PAYLOAD, AT));

        stored.put(EventDocument.TIMESTAMP, Date.from(AT.minusSeconds(86_400)));

        assertThat(HashChain.hashOf(stored, "prev")).isNotEqualTo(hash);
    }

    @Test
    void everyOtherPartChangesTheHashToo() {
        String original = HashChain.hash("prev", "agg-1", 7, "de.Type", PAYLOAD, AT);
        assertThat(HashChain.hash("other", "agg-1", 7, "de.Type", PAYLOAD, AT)).isNotEqualTo(original);
        assertThat(HashChain.hash("prev", "agg-2", 7, "de.Type", PAYLOAD, AT)).isNotEqualTo(original);
        assertThat(HashChain.hash("prev", "agg-1", 8, "de.Type", PAYLOAD, AT)).isNotEqualTo(original);
        assertThat(HashChain.hash("prev", "agg-1", 7, "de.Other", PAYLOAD, AT)).isNotEqualTo(original);
        assertThat(HashChain.hash("prev", "agg-1", 7, "de.Type", new Document("name", "Elterngeld").append("level", 3), AT))
                .isNotEqualTo(original);
    }

    @Test
    void anEventWithoutPayloadHashesTheWordNull() {
        assertThat(HashChain.hash(HashChain.GENESIS, "agg-1", 0, "de.Type", null, AT))
                .isEqualTo(sha256("\nagg-1\n0\nde.Type\nnull\n2024-03-01T10:15:30.123Z"));
    }

    @Test
    void aPayloadTheFastWriterDoesNotKnowIsHashedAsTheDriverWritesIt() {
        // a date has no plain JSON form: the canonical text is the driver's relaxed JSON
        Document payload = new Document("on", new Date(0));
        assertThat(HashChain.hash("p", "a", 1, "T", payload, AT))
                .isEqualTo(sha256("p\na\n1\nT\n" + payload.toJson(EventDocument.JSON) + "\n" + AT));
    }

    @Test
    void theFirstEventOfAnAggregateChainsFromTheEmptyGenesis() {
        assertThat(HashChain.GENESIS).isEmpty();
    }

    private static Document storedEvent(Instant timestamp) {
        return new Document(EventDocument.AGGREGATE_ID, "agg-1").append(EventDocument.SEQUENCE, 7L)
                .append(EventDocument.PAYLOAD_TYPE, "de.Type").append(EventDocument.PAYLOAD, PAYLOAD)
                .append(EventDocument.TIMESTAMP, Date.from(timestamp));
    }

    private static String sha256(String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
