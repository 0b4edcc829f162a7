package de.efa.registry.eventstore.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.registry.eventstore.ChainRevision;
import de.efa.registry.eventstore.HashChain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows every aggregate's chain through an export read in position order, one event at a time.
 * <p>
 * Only the last sequence and hash of each aggregate are kept (memory grows with the aggregates, not the events): an
 * aggregate's events are exported in the order they were appended, so each event must continue its aggregate's chain
 * right where the previous one left it. Each event is checked for its own hash (recomputed by the formula of its chain
 * revision), its link to its predecessor, and the sequence numbers it skips or repeats.
 */
final class AggregateChains {

    /** Numbers are equal by value: a payload read back as JSON need not keep int and long apart. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };

    private record Last(long sequence, String hash) {
    }

    private final ObjectMapper json;
    private final Consumer<ChainViolation> violations;
    private final Map<String, Last> last = new HashMap<>();
    private final long[] eventsPerRevision = new long[ChainRevision.values().length];

    AggregateChains(ObjectMapper json, Consumer<ChainViolation> violations) {
        this.json = json;
        this.violations = violations;
    }

    void follow(ExportedEvent event) {
        checkOwnHash(event);
        checkShownPayload(event);
        checkLink(event);
    }

    int aggregates() {
        return last.size();
    }

    long events(ChainRevision revision) {
        return eventsPerRevision[revision.ordinal()];
    }

    private void checkOwnHash(ExportedEvent event) {
        ChainRevision revision;
        try {
            revision = ChainRevision.of(event.chainRevision());
        } catch (ChainRevision.UnknownChainRevision e) {
            report(event, event.sequence(), e.getMessage() + ": this event's hash cannot be checked");
            return;
        }
        eventsPerRevision[revision.ordinal()]++;
        String recomputed = HashChain.hashOfCanonical(revision, event.previousHash(), event.aggregateId(), event.sequence(),
                event.storedType(), event.storedPayload(), event.timestamp(), event.attribution());
        if (!recomputed.equals(event.hash())) {
            report(event, event.sequence(), revision == ChainRevision.ORIGINAL
                    ? "content altered: payload, type, sequence or timestamp no longer match the event's hash (chain revision 1)"
                    : "content altered: payload, type, sequence, timestamp, principal, correlation id or causation id no "
                    + "longer match the event's hash (chain revision " + revision.number() + ")");
        }
    }

    /**
     * The payload an auditor reads is the one shown at the top level, which the chain does not cover itself: where the
     * event was not upcast since it was stored (same type and revision), it must be the hashed payload.
     */
    private void checkShownPayload(ExportedEvent event) {
        String storedSimpleName = event.storedType().substring(event.storedType().lastIndexOf('.') + 1);
        if (!storedSimpleName.equals(event.shownType()) || !Objects.equals(event.storedRevision(), event.shownRevision())) {
            return;
        }
        JsonNode hashed;
        try {
            hashed = json.readTree(event.storedPayload());
        } catch (JsonProcessingException e) {
            report(event, event.sequence(), "stored payload is not JSON: it cannot have been exported like this");
            return;
        }
        if (!hashed.equals(BY_VALUE, event.shownPayload())) {
            report(event, event.sequence(), "payload altered: the payload shown differs from the stored payload the hash covers");
        }
    }

    private void checkLink(ExportedEvent event) {
        String aggregateId = event.aggregateId();
        long sequence = event.sequence();
        Last before = last.get(aggregateId);
        if (before == null) {
            if (sequence > 0) {
                report(event, 0, "event(s) removed: sequence" + range(0, sequence - 1)
                        + " missing before the aggregate's first exported event (sequence " + sequence + ")");
            } else if (!HashChain.GENESIS.equals(event.previousHash())) {
                report(event, sequence, "chain broken: the first event names a predecessor, so events before it were removed");
            }
        } else if (sequence == before.sequence + 1) {
            if (!before.hash.equals(event.previousHash())) {
                report(event, sequence, "chain broken: previousHash does not match the hash of sequence " + before.sequence
                        + " (an event replaced or inserted)");
            }
        } else if (sequence > before.sequence) {
            // past the direct successor (the branch above): the events between were removed
            report(event, before.sequence + 1, "event(s) removed: sequence" + range(before.sequence + 1, sequence - 1)
                    + " missing between sequence " + before.sequence + " and " + sequence);
        } else {
            report(event, sequence, "out of order: sequence " + sequence + " follows sequence " + before.sequence
                    + " (an event duplicated, moved or renumbered)");
            return;
        }
        last.put(aggregateId, new Last(sequence, event.hash()));
    }

    private static String range(long from, long to) {
        return from == to ? " " + from + " is" : "s " + from + " to " + to + " are";
    }

    private void report(ExportedEvent event, long sequence, String reason) {
        violations.accept(new ChainViolation(event.aggregateId(), sequence, event.line(), reason));
    }
}
