package de.efa.registry.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.registry.eventstore.verify.ExportVerifier;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.query.QuerySideApplication;
import de.efa.registry.testsupport.RegistryTestProperties;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline verifier on a real export: the registry writes it over HTTP as an auditor downloads it, the verifier
 * reads nothing but the file. Untouched it passes; one changed principal, one changed payload, one removed event each
 * fail, naming the aggregate and the sequence.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportVerificationHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        RegistryTestProperties.register(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;

    @TempDir
    Path files;

    private final ServiceId tampered = ServiceId.random();
    private final ServiceId bystander = ServiceId.random();
    private List<String> export;

    @BeforeAll
    void registerTwoServicesAndExport() {
        // milliseconds in the timestamps, a principal of a process, characters the canonical payload escapes
        AuditFixtures.service(eventStore, tampered, "Wohngeld \"Plus\" für Familien", Instant.parse("2024-03-01T10:00:00.120Z"));
        AuditFixtures.service(eventStore, bystander, "Elterngeld", Instant.parse("2024-03-02T10:00:00Z"));
        ResponseEntity<String> response = http.exchange("/api/v1/audit/events/export", HttpMethod.GET,
                new HttpEntity<>(AuditFixtures.basic("auditor")), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        export = response.getBody().lines().toList();
        assertThat(export).hasSize(8);
    }

    @Test
    void theUntouchedExportIsIntact() throws Exception {
        Verdict verdict = verify(export);

        assertThat(verdict.exitCode).as(verdict.output).isEqualTo(ExportVerifier.INTACT);
        assertThat(verdict.output).contains("8 events of 2 aggregates checked (chain revision 1: 0, revision 2: 8)",
                "INTACT").doesNotContain("VIOLATION ");
    }

    @Test
    void theExportCarriesEverythingTheChainCovers() throws Exception {
        ObjectNode first = (ObjectNode) JSON.readTree(line(tampered, 0));

        assertThat(first.path("metadata").path("principal").asText()).isEqualTo("thueringen");
        assertThat(first.path("metadata").path("chainRevision").asInt()).isEqualTo(2);
        assertThat(first.path("metadata").path("previousHash").asText()).isEmpty();
        assertThat(first.path("stored").path("payloadType").asText()).isEqualTo("de.efa.registry.kernel.service.ServiceRegistered");
        assertThat(first.path("stored").path("payload").asText()).startsWith("{\"serviceId\": \"" + tampered.value() + "\"");
        assertThat(first.path("timestamp").asText()).isEqualTo("2024-03-01T10:00:00.120Z");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesShowTheChainRevisionButLeaveTheStoredFormToTheExport() {
        Map<String, Object> page = http.exchange("/api/v1/audit/events?aggregateId=" + tampered, HttpMethod.GET,
                new HttpEntity<>(AuditFixtures.basic("auditor")), new ParameterizedTypeReference<Map<String, Object>>() {
                }).getBody();

        Map<String, Object> first = AuditFixtures.events(page).get(0);
        assertThat(first).doesNotContainKey("stored");
        assertThat((Map<String, Object>) first.get("metadata")).containsEntry("chainRevision", 2);
    }

    @Test
    void aChangedPrincipalIsReportedWithItsAggregateAndSequence() throws Exception {
        Verdict verdict = verify(changed(tampered, 1, event -> ((ObjectNode) event.get("metadata")).put("principal", "bayern")));

        assertThat(verdict.exitCode).as(verdict.output).isEqualTo(ExportVerifier.VIOLATED);
        assertThat(violations(verdict)).singleElement().satisfies(v -> assertThat(v)
                .startsWith("VIOLATION aggregate " + tampered.value() + " sequence 1 ")
                .contains("content altered", "principal"));
    }

    @Test
    void aChangedPayloadIsReportedWithItsAggregateAndSequence() throws Exception {
        // a consistent forgery: the payload shown and the stored payload text both say something else
        Verdict verdict = verify(changed(tampered, 0, event -> {
            ((ObjectNode) event.get("payload")).put("name", "Bürgergeld für Familien");
            ObjectNode stored = (ObjectNode) event.get("stored");
            stored.put("payload", stored.get("payload").asText().replace("Wohngeld \\\"Plus\\\"", "Bürgergeld"));
        }));

        assertThat(verdict.exitCode).as(verdict.output).isEqualTo(ExportVerifier.VIOLATED);
        assertThat(violations(verdict)).singleElement().satisfies(v -> assertThat(v)
                .startsWith("VIOLATION aggregate " + tampered.value() + " sequence 0 ").contains("content altered"));
    }

    @Test
    void aPayloadChangedOnlyWhereAuditorsReadItIsReportedToo() throws Exception {
        Verdict verdict = verify(changed(tampered, 0, event -> ((ObjectNode) event.get("payload")).put("name", "Bürgergeld")));

        assertThat(verdict.exitCode).as(verdict.output).isEqualTo(ExportVerifier.VIOLATED);
        assertThat(violations(verdict)).singleElement().satisfies(v -> assertThat(v)
                .startsWith("VIOLATION aggregate " + tampered.value() + " sequence 0 ").contains("payload altered"));
    }

    @Test
    void aRemovedEventIsReportedWithItsAggregateAndSequence() throws Exception {
        List<String> lines = new ArrayList<>(export);
        lines.remove(line(tampered, 2));

        Verdict verdict = verify(lines);

        assertThat(verdict.exitCode).as(verdict.output).isEqualTo(ExportVerifier.VIOLATED);
        assertThat(violations(verdict)).singleElement().satisfies(v -> assertThat(v)
                .startsWith("VIOLATION aggregate " + tampered.value() + " sequence 2 ").contains("removed"));
    }

    @Test
    void aFileThatIsNoExportIsUnusable() throws Exception {
        List<String> cut = new ArrayList<>(export);
        cut.set(7, cut.get(7).substring(0, 40));
        assertThat(verify(cut).exitCode).isEqualTo(ExportVerifier.UNUSABLE);
        assertThat(ExportVerifier.run(new String[]{files.resolve("missing.ndjson").toString()}, quiet()))
                .isEqualTo(ExportVerifier.UNUSABLE);
        assertThat(ExportVerifier.run(new String[0], quiet())).isEqualTo(ExportVerifier.UNUSABLE);
    }

    private record Verdict(int exitCode, String output) {
    }

    private Verdict verify(List<String> lines) throws Exception {
        Path file = Files.createTempFile(files, "registry-events", ".ndjson");
        Files.write(file, lines, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = ExportVerifier.run(new String[]{file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Verdict(exitCode, out.toString(StandardCharsets.UTF_8));
    }

    private static List<String> violations(Verdict verdict) {
        return verdict.output.lines().filter(line -> line.startsWith("VIOLATION ")).collect(Collectors.toList());
    }

    private List<String> changed(ServiceId service, long sequence, Consumer<ObjectNode> change) throws Exception {
        List<String> lines = new ArrayList<>(export);
        String original = line(service, sequence);
        ObjectNode event = (ObjectNode) JSON.readTree(original);
        change.accept(event);
        lines.set(lines.indexOf(original), JSON.writeValueAsString(event));
        return lines;
    }

    private String line(ServiceId service, long sequence) throws Exception {
        for (String line : export) {
            var event = JSON.readTree(line);
            if (event.path("aggregateId").asText().equals(service.value()) && event.path("sequence").asLong() == sequence) {
                return line;
            }
        }
        throw new AssertionError("no exported event " + service + "/" + sequence);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
