package de.efa.registry.eventstore;

import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The per-aggregate hash chain that lets auditors detect altered or removed events. Revision 1
 * ({@link ChainRevision#ORIGINAL}):
 * {@code hash = SHA-256(previousHash ‖ aggregateId ‖ sequence ‖ type ‖ canonical payload ‖ timestamp)}; revision 2
 * ({@link ChainRevision#WITH_ATTRIBUTION}, every new event) appends {@code ‖ principal ‖ correlationId ‖ causationId}
 * (see {@link Attribution}), so that who did it cannot be changed unseen either. A newline separates the parts, so that
 * no two different inputs concatenate to the same text; the input is hashed as UTF-8. The canonical payload is the
 * stored BSON payload rendered as relaxed extended JSON ({@code null} without payload); the timestamp is the stored
 * millisecond instant in ISO-8601 ({@link Instant#toString()}). docs/audit.md states both formulas for auditors.
 */
public final class HashChain {

    /** Looking a digest up by name costs as much as hashing a payload; a digest is reset by every {@code digest()}. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(HashChain::sha256);

    /** The previous hash of an aggregate's first event. */
    public static final String GENESIS = "";

    private HashChain() {
    }

    /** The hash of revision 1 (events stored before the chain covered their attribution). */
    public static String hash(String previousHash, String aggregateId, long sequence, String payloadType,
                              Document payload, Instant timestamp) {
        return hash(ChainRevision.ORIGINAL, previousHash, aggregateId, sequence, payloadType, payload, timestamp,
                Attribution.NONE);
    }

    /**
     * @param attribution who did it; left out of the input for {@link ChainRevision#ORIGINAL}
     */
    public static String hash(ChainRevision revision, String previousHash, String aggregateId, long sequence,
                              String payloadType, Document payload, Instant timestamp, Attribution attribution) {
        StringBuilder text = input();
        head(text, previousHash, aggregateId, sequence, payloadType);
        int payloadStart = text.length();
        if (payload == null) {
            text.append("null");
        } else if (!CanonicalJson.appendTo(payload, text)) {
            text.setLength(payloadStart);
            text.append(payload.toJson(EventDocument.JSON));
        }
        tail(revision, text, timestamp, attribution);
        return digest(text);
    }

    /**
     * The same hash over a payload already in its canonical text — what a verifier has that holds only an export.
     */
    public static String hashOfCanonical(ChainRevision revision, String previousHash, String aggregateId, long sequence,
                                         String payloadType, String canonicalPayload, Instant timestamp,
                                         Attribution attribution) {
        StringBuilder text = input();
        head(text, previousHash, aggregateId, sequence, payloadType);
        text.append(canonicalPayload);
        tail(revision, text, timestamp, attribution);
        return digest(text);
    }

    /** The payload's text exactly as the hash covers it (the export hands it to verifiers). */
    public static String canonicalPayload(Document payload) {
        if (payload == null) {
            return "null";
        }
        String fast = CanonicalJson.of(payload);
        return fast != null ? fast : payload.toJson(EventDocument.JSON);
    }

    /**
     * Recomputes the hash of a stored event document from its own fields, by the formula of the revision it names.
     *
     * @throws ChainRevision.UnknownChainRevision when the event names a revision this code has no formula for
     */
    public static String hashOf(Document event, String previousHash) {
        ChainRevision revision = ChainRevision.of(event.get(EventDocument.CHAIN_REVISION));
        Attribution attribution = revision == ChainRevision.ORIGINAL ? Attribution.NONE
                : Attribution.of(event.get(EventDocument.META_DATA, Document.class));
        return hash(revision, previousHash, event.getString(EventDocument.AGGREGATE_ID),
                ((Number) event.get(EventDocument.SEQUENCE)).longValue(), event.getString(EventDocument.PAYLOAD_TYPE),
                event.get(EventDocument.PAYLOAD, Document.class), event.getDate(EventDocument.TIMESTAMP).toInstant(),
                attribution);
    }

    private static void head(StringBuilder text, String previousHash, String aggregateId, long sequence, String payloadType) {
        text.append(previousHash).append('\n').append(aggregateId).append('\n').append(sequence).append('\n')
                .append(payloadType).append('\n');
    }

    private static void tail(ChainRevision revision, StringBuilder text, Instant timestamp, Attribution attribution) {
        text.append('\n').append(timestamp);
        if (revision == ChainRevision.WITH_ATTRIBUTION) {
            attribution.appendTo(text);
        }
    }

    /**
     * String.getBytes is the fastest UTF-8 encoding for the mostly-ASCII text of an event (an intrinsic over compact
     * strings; a reused CharsetEncoder measured slower), and revision 1's encoding by definition.
     */
    private static String digest(StringBuilder text) {
        return HexFormat.of().formatHex(SHA_256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * One builder for the whole input, the canonical payload written straight into it (no text of its own). A fresh one
     * per event, not one kept per thread: a kept builder that once held a character beyond Latin-1 stays two bytes a
     * character for good, and every later hash on that thread would pay for it.
     */
    private static StringBuilder input() {
        return new StringBuilder(512);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
