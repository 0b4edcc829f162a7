package de.efa.registry.eventstore;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Revision 2 of the chain covers who did it; revision 1 events, stored before, keep verifying by their own formula.
 * A stored hash is never recomputed, so an event names its revision and every verifier picks the formula by it.
 */
class ChainRevisionTest {

    private static final Instant AT = Instant.parse("2024-03-01T10:15:30.123Z");
    private static final Document PAYLOAD = new Document("name", "Wohngeld").append("level", 3);
    private static final Attribution THUERINGEN = new Attribution("thueringen", "corr-1", "cause-1");

    @Test
    void revisionTwoIsRevisionOneFollowedByPrincipalCorrelationAndCausationAsJsonStrings() {
        String expected = sha256("prev\nagg-1\n7\nde.Type\n{\"name\": \"Wohngeld\", \"level\": 3}\n2024-03-01T10:15:30.123Z"
                + "\n\"thueringen\"\n\"corr-1\"\n\"cause-1\"");
        assertThat(HashChain.hash(ChainRevision.WITH_ATTRIBUTION, "prev", "agg-1", 7, "de.Type", PAYLOAD, AT, THUERINGEN))
                .isEqualTo(expected);
    }

    @Test
    void absentValuesAreTheWordNullAndValuesAreEscapedSoNoneCanForgeALineOfItsOwn() {
        String hash = HashChain.hash(ChainRevision.WITH_ATTRIBUTION, "", "a", 0, "T", (Document) null, AT,
                new Attribution("bad\n\"name\"", null, ""));
        assertThat(hash).isEqualTo(sha256("\na\n0\nT\nnull\n2024-03-01T10:15:30.123Z\n\"bad\\n\\\"name\\\"\"\nnull\n\"\""));
        // absent and empty differ
        assertThat(HashChain.hash(ChainRevision.WITH_ATTRIBUTION, "", "a", 0, "T", (Document) null, AT, new Attribution(null, null, null)))
                .isNotEqualTo(HashChain.hash(ChainRevision.WITH_ATTRIBUTION, "", "a", 0, "T", (Document) null, AT, new Attribution("", "", "")));
    }

    @Test
    void aChangedPrincipalCorrelationOrCausationChangesARevisionTwoHash() {
        String original = HashChain.hash(ChainRevision.WITH_ATTRIBUTION, "prev", "agg-1", 7, "de.Type", PAYLOAD, AT, THUERINGEN);
        assertThat(HashChain.hash(ChainRevision.WITH_ATTRIBUTION, "prev", "agg-1", 7, "de.Type", PAYLOAD, AT,
                new Attribution("bayern", "corr-1", "cause-1"))).isNotEqualTo(original);
        assertThat(HashChain.hash(ChainRevision.WITH_ATTRIBUTION, "prev", "agg-1", 7, "de.Type", PAYLOAD, AT,
                new Attribution("thueringen", "corr-2", "cause-1"))).isNotEqualTo(original);
        assertThat(HashChain.hash(ChainRevision.WITH_ATTRIBUTION, "prev", "agg-1", 7, "de.Type", PAYLOAD, AT,
                new Attribution("thueringen", "corr-1", "cause-2"))).isNotEqualTo(original);
        assertThat(HashChain.hash(ChainRevision.WITH_ATTRIBUTION, "prev", "agg-1", 7, "de.Type", PAYLOAD, AT,
                new Attribution(null, "corr-1", "cause-1"))).isNotEqualTo(original);
    }

    @Test
    void aStoredRevisionTwoEventWhosePrincipalWasChangedNoLongerMatchesItsHash() {
        Document stored = storedEvent().append(EventDocument.CHAIN_REVISION, 2)
                .append(EventDocument.META_DATA, new Document("principal", "thueringen")
                        .append("correlationId", "corr-1").append("causationId", "cause-1").append("idempotencyKey", "k"));
        String hash = HashChain.hashOf(stored, "prev");
        assertThat(hash).isEqualTo(HashChain.hash(ChainRevision.WITH_ATTRIBUTION, "prev", "agg-1", 7, "de.Type", PAYLOAD, AT, THUERINGEN));

        stored.get(EventDocument.META_DATA, Document.class).put("principal", "bayern");

        assertThat(HashChain.hashOf(stored, "prev")).isNotEqualTo(hash);
    }

    @Test
    void aStoredEventWithoutRevisionIsRevisionOneAndStillVerifiesWhateverItsMetadata() {
        // as every event stored before revision 2: no revision field, hash over the original six parts
        Document stored = storedEvent().append(EventDocument.META_DATA, new Document("principal", "thueringen"));
        String revisionOneHash = HashChain.hash("prev", "agg-1", 7, "de.Type", PAYLOAD, AT);
        assertThat(revisionOneHash).isEqualTo(sha256("prev\nagg-1\n7\nde.Type\n{\"name\": \"Wohngeld\", \"level\": 3}\n"
                + "2024-03-01T10:15:30.123Z"));

        assertThat(HashChain.hashOf(stored, "prev")).isEqualTo(revisionOneHash);
        // revision 1 never covered the principal: the gap revision 2 closes
        stored.get(EventDocument.META_DATA, Document.class).put("principal", "bayern");
        assertThat(HashChain.hashOf(stored, "prev")).isEqualTo(revisionOneHash);
    }

    @Test
    void aRevisionTwoEventDowngradedToRevisionOneNoLongerMatchesItsHash() {
        Document stored = storedEvent().append(EventDocument.CHAIN_REVISION, 2)
                .append(EventDocument.META_DATA, new Document("principal", "thueringen"));
        String hash = HashChain.hashOf(stored, "prev");

        stored.remove(EventDocument.CHAIN_REVISION);

        assertThat(HashChain.hashOf(stored, "prev")).isNotEqualTo(hash);
    }

    @Test
    void theRevisionIsReadFromItsStoredNumberAndAnUnknownOneIsRefused() {
        assertThat(ChainRevision.of(null)).isEqualTo(ChainRevision.ORIGINAL);
        assertThat(ChainRevision.of(1)).isEqualTo(ChainRevision.ORIGINAL);
        assertThat(ChainRevision.of(2L)).isEqualTo(ChainRevision.WITH_ATTRIBUTION);
        assertThat(ChainRevision.CURRENT.number()).isEqualTo(2);
        assertThatThrownBy(() -> ChainRevision.of(3)).isInstanceOf(ChainRevision.UnknownChainRevision.class)
                .hasMessageContaining("unknown chain revision 3");
        assertThatThrownBy(() -> ChainRevision.of("2")).isInstanceOf(ChainRevision.UnknownChainRevision.class);
        assertThatThrownBy(() -> HashChain.hashOf(storedEvent().append(EventDocument.CHAIN_REVISION, 9), "prev"))
                .isInstanceOf(ChainRevision.UnknownChainRevision.class);
    }

    @Test
    void theHashOverTheCanonicalTextIsTheHashOverTheDocument() {
        // what the offline verifier has is the text; what the engine has is the document
        Document payload = new Document("on", new Date(0)).append("n", 5L).append("x", 0.5).append("s", "ä\u0001");
        String canonical = HashChain.canonicalPayload(payload);
        assertThat(canonical).isEqualTo(payload.toJson(EventDocument.JSON));
        assertThat(HashChain.hashOfCanonical(ChainRevision.WITH_ATTRIBUTION, "p", "a", 1, "T", canonical, AT, THUERINGEN))
                .isEqualTo(HashChain.hash(ChainRevision.WITH_ATTRIBUTION, "p", "a", 1, "T", payload, AT, THUERINGEN));
        assertThat(HashChain.canonicalPayload(null)).isEqualTo("null");
    }

    @Test
    void textWithUnpairedSurrogatesIsEncodedAsStringGetBytesEncodesIt() {
        // revision 1 hashed String.getBytes(UTF_8); the reused encoder must give the same bytes for every text
        String odd = "agg\uD800x\uDC00\uD83D\uDE00";
        assertThat(HashChain.hash("p", odd, 1, "T", null, AT))
                .isEqualTo(sha256("p\n" + odd + "\n1\nT\nnull\n" + AT));
    }

    @Test
    void aHugePayloadIsHashedLikeASmallOne() {
        Document payload = new Document("text", "x".repeat(300_000));
        assertThat(HashChain.hash("p", "a", 1, "T", payload, AT))
                .isEqualTo(sha256("p\na\n1\nT\n" + payload.toJson(EventDocument.JSON) + "\n" + AT));
        assertThat(HashChain.hash("p", "a", 1, "T", PAYLOAD, AT))
                .isEqualTo(sha256("p\na\n1\nT\n{\"name\": \"Wohngeld\", \"level\": 3}\n" + AT));
    }

    private static Document storedEvent() {
        return new Document(EventDocument.AGGREGATE_ID, "agg-1").append(EventDocument.SEQUENCE, 7L)
                .append(EventDocument.PAYLOAD_TYPE, "de.Type").append(EventDocument.PAYLOAD, PAYLOAD)
                .append(EventDocument.TIMESTAMP, Date.from(AT));
    }

    private static String sha256(String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
