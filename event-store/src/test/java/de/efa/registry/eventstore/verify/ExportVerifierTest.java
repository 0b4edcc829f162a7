package de.efa.registry.eventstore.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.registry.eventstore.Attribution;
import de.efa.registry.eventstore.ChainRevision;
import de.efa.registry.eventstore.HashChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier's rules on hand-made exports, each breaking one thing (a real export is {@code ExportVerificationHttpTest}'s
 * subject in the query side): a chain is followed per aggregate across interleaved lines, and every way a sequence
 * can go wrong is named with the sequence it concerns.
 */
class ExportVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2024-03-01T10:00:00.120Z");

    @TempDir
    Path dir;

    @Test
    void interleavedChainsOfBothRevisionsAreIntact() throws Exception {
        Chain a = new Chain("a");
        Chain b = new Chain("b");
        List<String> lines = List.of(a.next(ChainRevision.ORIGINAL), b.next(ChainRevision.CURRENT),
                a.next(ChainRevision.ORIGINAL), "", a.next(ChainRevision.CURRENT), b.next(ChainRevision.CURRENT));

        Verdict verdict = verify(lines);

        assertThat(verdict.exitCode).as(verdict.output).isZero();
        assertThat(verdict.output).contains("5 events of 2 aggregates checked (chain revision 1: 2, revision 2: 3)",
                "INTACT: every aggregate's chain verifies");
    }

    @Test
    void aRevisionOneEventDoesNotCoverItsPrincipal() throws Exception {
        // the gap revision 2 closes: an old event's principal can be changed unseen
        Chain a = new Chain("a");
        ObjectNode old = JSON.readValue(a.next(ChainRevision.ORIGINAL), ObjectNode.class);
        ((ObjectNode) old.get("metadata")).put("principal", "bayern");

        assertThat(verify(List.of(JSON.writeValueAsString(old))).exitCode).isZero();
    }

    @Test
    void missingFirstEventsAndAForeignPredecessorAreReported() throws Exception {
        Chain a = new Chain("a");
        a.next(ChainRevision.CURRENT);
        a.next(ChainRevision.CURRENT);
        Chain b = new Chain("b");
        ObjectNode first = JSON.readValue(b.next(ChainRevision.CURRENT), ObjectNode.class);
        ((ObjectNode) first.get("metadata")).put("previousHash", "ff");

        Verdict verdict = verify(List.of(a.next(ChainRevision.CURRENT), JSON.writeValueAsString(first)));

        assertThat(verdict.exitCode).isEqualTo(ExportVerifier.VIOLATED);
        assertThat(verdict.violations()).containsExactly(
                "VIOLATION aggregate a sequence 0 (line 1): event(s) removed: sequences 0 to 1 are missing before the "
                        + "aggregate's first exported event (sequence 2)",
                "VIOLATION aggregate b sequence 0 (line 2): content altered: payload, type, sequence, timestamp, principal, "
                        + "correlation id or causation id no longer match the event's hash (chain revision 2)",
                "VIOLATION aggregate b sequence 0 (line 2): chain broken: the first event names a predecessor, so events "
                        + "before it were removed");
        assertThat(verdict.output).contains("VIOLATED: 3 violation(s) in 2 aggregate(s)");
    }

    @Test
    void aReplacedEventWithARecomputedHashBreaksTheLinkOfItsSuccessor() throws Exception {
        Chain a = new Chain("a");
        String zero = a.next(ChainRevision.CURRENT);
        a.next(ChainRevision.CURRENT);
        String two = a.next(ChainRevision.CURRENT);
        Chain forger = new Chain("a");
        forger.next(ChainRevision.CURRENT);
        forger.principal = "bayern";
        String forgedOne = forger.next(ChainRevision.CURRENT);

        Verdict verdict = verify(List.of(zero, forgedOne, two));

        assertThat(verdict.violations()).singleElement().asString()
                .startsWith("VIOLATION aggregate a sequence 2 (line 3): chain broken: previousHash does not match the hash of sequence 1");
    }

    @Test
    void aRepeatedOrMovedEventIsOutOfOrder() throws Exception {
        Chain a = new Chain("a");
        String zero = a.next(ChainRevision.CURRENT);
        String one = a.next(ChainRevision.CURRENT);

        Verdict verdict = verify(List.of(zero, one, zero));

        assertThat(verdict.violations()).containsExactly("VIOLATION aggregate a sequence 0 (line 3): out of order: "
                + "sequence 0 follows sequence 1 (an event duplicated, moved or renumbered)");
    }

    @Test
    void anUnknownRevisionCannotPassAsIntact() throws Exception {
        ObjectNode event = JSON.readValue(new Chain("a").next(ChainRevision.CURRENT), ObjectNode.class);
        ((ObjectNode) event.get("metadata")).put("chainRevision", 3);

        Verdict verdict = verify(List.of(JSON.writeValueAsString(event)));

        assertThat(verdict.exitCode).isEqualTo(ExportVerifier.VIOLATED);
        assertThat(verdict.violations()).singleElement().asString().contains("unknown chain revision 3");
    }

    @Test
    void anExportWithoutTheStoredFormOrNotJsonOrEmptyIsUnusable() throws Exception {
        ObjectNode old = JSON.readValue(new Chain("a").next(ChainRevision.CURRENT), ObjectNode.class);
        old.remove("stored");

        Verdict withoutStored = verify(List.of(JSON.writeValueAsString(old)));
        assertThat(withoutStored.exitCode).isEqualTo(ExportVerifier.UNUSABLE);
        assertThat(withoutStored.output).contains("UNUSABLE line 1 has no payloadType", "before chain revision 2");
        assertThat(verify(List.of("{\"position\":1,")).exitCode).isEqualTo(ExportVerifier.UNUSABLE);
        assertThat(verify(List.of("[1]")).exitCode).isEqualTo(ExportVerifier.UNUSABLE);
        assertThat(verify(List.of()).exitCode).isEqualTo(ExportVerifier.UNUSABLE);
    }

    /** One aggregate's events as the registry exports them, each chained onto the one before. */
    private static final class Chain {
        private final String aggregateId;
        private long sequence;
        private String previousHash = HashChain.GENESIS;
        String principal = "thueringen";

        Chain(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        String next(ChainRevision revision) throws Exception {
            String payload = "{\"name\": \"Wohngeld\", \"level\": " + sequence + ", \"rate\": 1.0}";
            Instant at = AT.plusSeconds(sequence);
            Attribution attribution = new Attribution(principal, "corr", "cause-" + sequence);
            String hash = HashChain.hashOfCanonical(revision, previousHash, aggregateId, sequence, "de.Named", payload, at,
                    attribution);
            ObjectNode line = JSON.createObjectNode().put("position", sequence + 1).put("aggregateType", "Service")
                    .put("aggregateId", aggregateId).put("sequence", sequence).put("type", "Named").putNull("revision")
                    .put("timestamp", at.toString());
            line.set("payload", JSON.readTree(payload));
            ObjectNode metadata = line.putObject("metadata").put("principal", principal).put("correlationId", "corr")
                    .put("causationId", "cause-" + sequence).put("hash", hash).put("previousHash", previousHash)
                    .put("chainRevision", revision.number());
            line.putObject("stored").put("payloadType", "de.Named").putNull("payloadRevision").put("payload", payload);
            previousHash = hash;
            sequence++;
            return JSON.writeValueAsString(line);
        }
    }

    private record Verdict(int exitCode, String output) {
        List<String> violations() {
            return output.lines().filter(line -> line.startsWith("VIOLATION ")).toList();
        }
    }

    private Verdict verify(List<String> lines) throws Exception {
        Path file = Files.createTempFile(dir, "export", ".ndjson");
        Files.write(file, new ArrayList<>(lines), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = ExportVerifier.verify(file, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Verdict(exitCode, out.toString(StandardCharsets.UTF_8));
    }
}
