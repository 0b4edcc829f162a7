package de.efa.registry.eventstore;

import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The per-aggregate hash chain that lets auditors detect altered or removed events:
 * {@code hash = SHA-256(previousHash ‖ aggregateId ‖ sequence ‖ type ‖ canonical payload ‖ timestamp)}, with a newline
 * between the parts so that no two different inputs concatenate to the same text. The canonical payload is the
 * stored BSON payload rendered as relaxed extended JSON; the timestamp is the stored millisecond instant in ISO-8601.
 */
public final class HashChain {

    /** Looking a digest up by name costs as much as hashing a payload; a digest is reset by every {@code digest()}. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(HashChain::sha256);

    /** The previous hash of an aggregate's first event. */
    public static final String GENESIS = "";

    private HashChain() {
    }

    public static String hash(String previousHash, String aggregateId, long sequence, String payloadType,
                              Document payload, Instant timestamp) {
        String canonicalPayload = payload == null ? "null" : canonical(payload);
        String input = previousHash + '\n' + aggregateId + '\n' + sequence + '\n' + payloadType + '\n'
                + canonicalPayload + '\n' + timestamp.toString();
        return HexFormat.of().formatHex(SHA_256.get().digest(input.getBytes(StandardCharsets.UTF_8)));
    }

    private static String canonical(Document payload) {
        String fast = CanonicalJson.of(payload);
        return fast != null ? fast : payload.toJson(EventDocument.JSON);
    }

    /** Recomputes the hash of a stored event document from its own fields. */
    public static String hashOf(Document event, String previousHash) {
        return hash(previousHash, event.getString(EventDocument.AGGREGATE_ID),
                ((Number) event.get(EventDocument.SEQUENCE)).longValue(), event.getString(EventDocument.PAYLOAD_TYPE),
                event.get(EventDocument.PAYLOAD, Document.class), event.getDate(EventDocument.TIMESTAMP).toInstant());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
