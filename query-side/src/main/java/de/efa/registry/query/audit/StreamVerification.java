package de.efa.registry.query.audit;

import de.efa.registry.eventstore.AggregateHeads;
import de.efa.registry.eventstore.ChainRevision;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.HashChain;
import org.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies one aggregate's stream in sequence order against its hash chain and its recorded head.
 * <p>
 * Each stored event is checked three ways: its hash against its own content (an altered payload, type, sequence or
 * timestamp shows here, and from chain revision 2 on an altered principal, correlation or causation id), its previous hash against its predecessor's hash (a removed, inserted or replaced event
 * breaks the link), and its position against its predecessor's (positions are handed out in append order, so a later
 * sequence at an earlier position means sequence numbers were swapped or renumbered). The chain cannot show that the
 * stream's <em>last</em> events are gone; the head recorded shortly after every append can (see {@link AggregateHeads}).
 */
final class StreamVerification {

    private StreamVerification() {
    }

    /**
     * @param aggregateId the aggregate
     * @param bySequence  its events, keyed by the sequence of the stream key they were found under
     * @param stored      how many events name this aggregate in the log (more than found: some hide under a wrong key)
     * @param head        the recorded head, or null (aggregates stored before heads existed)
     */
    static void verify(String aggregateId, Map<Long, Document> bySequence, long stored, AggregateHeads.Head head,
                       List<ChainViolation> violations) {
        long last = bySequence.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
        Document previous = null;
        for (long s = 0; s <= last; s++) {
            Document event = bySequence.get(s);
            if (event == null) {
                violations.add(new ChainViolation(aggregateId, s, "event removed: sequence " + s
                        + " is missing although later events of this aggregate exist"));
                previous = null;
                continue;
            }
            check(aggregateId, s, event, previous, violations);
            previous = event;
        }
        if (bySequence.size() < stored) {
            violations.add(new ChainViolation(aggregateId, last + 1, (stored - bySequence.size())
                    + " event(s) of this aggregate are not stored under their stream key: sequence or stream key altered"));
        }
        if (head != null) {
            if (head.sequence() > last) {
                violations.add(new ChainViolation(aggregateId, last + 1, last < 0
                        ? "all events removed: the aggregate head records sequence " + head.sequence() + " but no event is stored"
                        : "last event(s) removed: the aggregate head records sequence " + head.sequence()
                        + " but the stream ends at sequence " + last));
            } else if (head.sequence() == last && previous != null && !head.hash().equals(previous.getString(EventDocument.HASH))) {
                violations.add(new ChainViolation(aggregateId, last,
                        "last event replaced: its hash differs from the one the aggregate head recorded when it was appended"));
            }
            // a head behind the stream is a crash between insert and head write: that append is merely unprotected
        }
    }

    private static void check(String aggregateId, long s, Document event, Document previous, List<ChainViolation> violations) {
        long sequence = StoredEventLog.sequence(event);
        if (sequence != s || !aggregateId.equals(event.getString(EventDocument.AGGREGATE_ID))) {
            violations.add(new ChainViolation(aggregateId, s, "renumbered: stored under stream key "
                    + EventDocument.streamKey(aggregateId, s) + " but names aggregate "
                    + event.getString(EventDocument.AGGREGATE_ID) + " sequence " + sequence));
        }
        String previousHash = event.getString(EventDocument.PREVIOUS_HASH);
        try {
            // by the formula of the event's own chain revision: older events are verified as they were written
            String recomputed = HashChain.hashOf(event, previousHash == null ? HashChain.GENESIS : previousHash);
            if (!recomputed.equals(event.getString(EventDocument.HASH))) {
                violations.add(new ChainViolation(aggregateId, s, event.get(EventDocument.CHAIN_REVISION) == null
                        ? "content altered: the stored payload, type, sequence or timestamp no longer matches the event's hash"
                        : "content altered: the stored payload, type, sequence, timestamp or attribution (principal, "
                        + "correlation id, causation id) no longer matches the event's hash"));
            }
        } catch (ChainRevision.UnknownChainRevision e) {
            violations.add(new ChainViolation(aggregateId, s, "content unverifiable: " + e.getMessage()));
        }
        if (s == 0 && !HashChain.GENESIS.equals(Objects.requireNonNullElse(previousHash, HashChain.GENESIS))) {
            violations.add(new ChainViolation(aggregateId, s,
                    "chain broken: the first event names a predecessor, so events before it were removed"));
        }
        if (previous != null) {
            if (!Objects.equals(previousHash, previous.getString(EventDocument.HASH))) {
                violations.add(new ChainViolation(aggregateId, s,
                        "chain broken: previousHash does not match the hash of sequence " + (s - 1)));
            }
            long position = StoredEventLog.position(event);
            long previousPosition = StoredEventLog.position(previous);
            if (position < previousPosition) {
                violations.add(new ChainViolation(aggregateId, s, "out of order: stored at position " + position
                        + ", before sequence " + (s - 1) + " at position " + previousPosition
                        + ": sequence numbers were swapped or renumbered"));
            }
        }
    }
}
