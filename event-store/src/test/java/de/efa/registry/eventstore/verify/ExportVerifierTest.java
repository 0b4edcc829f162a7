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
 * subject in the query side): a chain is followed per aggregate across interleaved lines, every way a sequence can go
 * wrong is named with the sequence it concerns, and the payload shown must be the one hashed unless the event was
 * upcast since. The command line answers with an exit code and says on its output why.
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
        assertThat(verdict.output.lines()).containsExactly("Verifying " + verdict.export,
                "5 events of 2 aggregates checked (chain revision 1: 2, revision 2: 3)",
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
        Verdict empty = verify(List.of());
        assertThat(empty.exitCode).isEqualTo(ExportVerifier.UNUSABLE);
        assertThat(empty.output).contains("UNUSABLE " + empty.export + " holds no events: nothing to verify");
    }

    @Test
    void anExportThatCannotBeReadIsUnusable() throws Exception {
        Path missing = dir.resolve("never-written.ndjson");

        Verdict verdict = run(missing.toString());

        assertThat(verdict.exitCode).isEqualTo(ExportVerifier.UNUSABLE);
        assertThat(verdict.output.lines()).satisfiesExactly(
                line -> assertThat(line).isEqualTo("Verifying " + missing),
                line -> assertThat(line).startsWith("UNUSABLE cannot read " + missing + ": ").contains("NoSuchFileException"));
    }

    @Test
    void theCommandLineTakesExactlyTheExportsPath() throws Exception {
        Path export = Files.createTempFile(dir, "export", ".ndjson");
        Files.write(export, List.of(new Chain("a").next(ChainRevision.CURRENT)), StandardCharsets.UTF_8);
        String usage = "usage: verify-export <registry-events.ndjson>   (the file GET /api/v1/audit/events/export wrote)";

        Verdict verdict = run(export.toString());
        assertThat(verdict.exitCode).as(verdict.output).isEqualTo(ExportVerifier.INTACT);
        assertThat(verdict.output).startsWith("Verifying " + export).contains("INTACT: every aggregate's chain verifies");

        for (String[] wrong : List.of(new String[0], new String[] {export.toString(), export.toString()})) {
            Verdict refused = run(wrong);
            assertThat(refused.exitCode).isEqualTo(ExportVerifier.UNUSABLE);
            assertThat(refused.output.lines()).containsExactly(usage);
        }
    }

    @Test
    void aGapInsideAChainIsReportedWithTheSequencesMissing() throws Exception {
        Chain a = new Chain("a");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(a.next(ChainRevision.CURRENT));
        }

        Verdict verdict = verify(List.of(all.get(0), all.get(2), all.get(5), all.get(6)));

        // after a gap the chain goes on from the event that follows it: sequence 6 links to 5 and passes
        assertThat(verdict.violations()).containsExactly(
                "VIOLATION aggregate a sequence 1 (line 2): event(s) removed: sequence 1 is missing between sequence 0 and 2",
                "VIOLATION aggregate a sequence 3 (line 3): event(s) removed: sequences 3 to 4 are missing between "
                        + "sequence 2 and 5");
        assertThat(verdict.output).contains("VIOLATED: 2 violation(s) in 1 aggregate(s)");
    }

    @Test
    void anEventRepeatedRightAfterItselfIsOutOfOrderNotAGap() throws Exception {
        Chain a = new Chain("a");
        String zero = a.next(ChainRevision.CURRENT);
        String one = a.next(ChainRevision.CURRENT);

        Verdict verdict = verify(List.of(zero, one, one));

        assertThat(verdict.violations()).containsExactly("VIOLATION aggregate a sequence 1 (line 3): out of order: "
                + "sequence 1 follows sequence 1 (an event duplicated, moved or renumbered)");
    }

    @Test
    void aShownPayloadThatDiffersFromTheHashedOneIsReported() throws Exception {
        // the chain does not cover the top-level payload: an auditor reading it must still learn it was changed
        ObjectNode renamed = JSON.readValue(new Chain("a").next(ChainRevision.CURRENT), ObjectNode.class);
        ((ObjectNode) renamed.get("payload")).put("name", "Elterngeld");
        ObjectNode rerated = JSON.readValue(new Chain("b").next(ChainRevision.CURRENT), ObjectNode.class);
        ((ObjectNode) rerated.get("payload")).put("rate", 2.5);

        Verdict verdict = verify(List.of(JSON.writeValueAsString(renamed), JSON.writeValueAsString(rerated)));

        assertThat(verdict.exitCode).isEqualTo(ExportVerifier.VIOLATED);
        assertThat(verdict.violations()).containsExactly(
                "VIOLATION aggregate a sequence 0 (line 1): payload altered: the payload shown differs from the stored "
                        + "payload the hash covers",
                "VIOLATION aggregate b sequence 0 (line 2): payload altered: the payload shown differs from the stored "
                        + "payload the hash covers");
    }

    @Test
    void aNumberShownInAnotherNotationIsTheSamePayload() throws Exception {
        // the stored text says 1.0 and 0: JSON read back may write the same values as 1 and 0.0
        ObjectNode event = JSON.readValue(new Chain("a").next(ChainRevision.CURRENT), ObjectNode.class);
        ((ObjectNode) event.get("payload")).put("rate", 1).put("level", 0.0);

        Verdict verdict = verify(List.of(JSON.writeValueAsString(event)));

        assertThat(verdict.exitCode).as(verdict.output).isEqualTo(ExportVerifier.INTACT);
    }

    @Test
    void anEventUpcastSinceItWasStoredMayShowAnotherPayload() throws Exception {
        // the hash covers the stored form only; what today's revision of the event shows is another payload
        ObjectNode renamedType = JSON.readValue(new Chain("a").next(ChainRevision.CURRENT), ObjectNode.class);
        renamedType.put("type", "Titled");
        ((ObjectNode) renamedType.get("payload")).put("title", "Wohngeld").remove("name");
        ObjectNode newRevision = JSON.readValue(new Chain("b").next(ChainRevision.CURRENT), ObjectNode.class);
        newRevision.put("revision", "2");
        ((ObjectNode) newRevision.get("payload")).put("rate", "1.0 %");

        Verdict verdict = verify(List.of(JSON.writeValueAsString(renamedType), JSON.writeValueAsString(newRevision)));

        assertThat(verdict.exitCode).as(verdict.output).isEqualTo(ExportVerifier.INTACT);
    }

    @Test
    void aHashedPayloadThatIsNotJsonIsReported() throws Exception {
        // the hash matches (it was recomputed over the text), but the registry only ever stores JSON
        Chain a = new Chain("a");
        a.storedPayload = "{\"name\": \"Wohngeld\"";

        Verdict verdict = verify(List.of(a.next(ChainRevision.CURRENT)));

        assertThat(verdict.violations()).containsExactly("VIOLATION aggregate a sequence 0 (line 1): stored payload is not "
                + "JSON: it cannot have been exported like this");
    }

    /** One aggregate's events as the registry exports them, each chained onto the one before. */
    private static final class Chain {
        private final String aggregateId;
        private long sequence;
        private String previousHash = HashChain.GENESIS;
        String principal = "thueringen";
        /** The payload's text as stored and hashed, when not the usual one (shown as a string then). */
        String storedPayload;

        Chain(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        String next(ChainRevision revision) throws Exception {
            String payload = storedPayload != null ? storedPayload
                    : "{\"name\": \"Wohngeld\", \"level\": " + sequence + ", \"rate\": 1.0}";
            Instant at = AT.plusSeconds(sequence);
            Attribution attribution = new Attribution(principal, "corr", "cause-" + sequence);
            String hash = HashChain.hashOfCanonical(revision, previousHash, aggregateId, sequence, "de.Named", payload, at,
                    attribution);
            ObjectNode line = JSON.createObjectNode().put("position", sequence + 1).put("aggregateType", "Service")
                    .put("aggregateId", aggregateId).put("sequence", sequence).put("type", "Named").putNull("revision")
                    .put("timestamp", at.toString());
            line.set("payload", storedPayload != null ? JSON.getNodeFactory().textNode(payload) : JSON.readTree(payload));
            ObjectNode metadata = line.putObject("metadata").put("principal", principal).put("correlationId", "corr")
                    .put("causationId", "cause-" + sequence).put("hash", hash).put("previousHash", previousHash)
                    .put("chainRevision", revision.number());
            line.putObject("stored").put("payloadType", "de.Named").putNull("payloadRevision").put("payload", payload);
            previousHash = hash;
            sequence++;
            return JSON.writeValueAsString(line);
        }
    }

    private record Verdict(Path export, int exitCode, String output) {
        List<String> violations() {
            return output.lines().filter(line -> line.startsWith("VIOLATION ")).toList();
        }
    }

    private Verdict verify(List<String> lines) throws Exception {
        Path file = Files.createTempFile(dir, "export", ".ndjson");
        Files.write(file, new ArrayList<>(lines), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = ExportVerifier.verify(file, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Verdict(file, exitCode, out.toString(StandardCharsets.UTF_8));
    }

    /** The command line's entry, without the JVM's exit. */
    private static Verdict run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = ExportVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Verdict(args.length == 1 ? Path.of(args[0]) : null, exitCode, out.toString(StandardCharsets.UTF_8));
    }
}
