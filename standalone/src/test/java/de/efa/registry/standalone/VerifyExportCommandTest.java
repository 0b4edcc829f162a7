package de.efa.registry.standalone;

import de.efa.registry.eventstore.Attribution;
import de.efa.registry.eventstore.ChainRevision;
import de.efa.registry.eventstore.HashChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar registry.jar verify-export <file>} runs the offline verifier in the registry's own main class,
 * without starting the registry, and exits with the verifier's code. A child JVM, as the auditor runs it (the
 * verifier's judgement of real exports is {@code ExportVerificationHttpTest}'s subject).
 */
class VerifyExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void anIntactExportExitsWithZeroWithoutStartingTheRegistry() throws Exception {
        Path export = dir.resolve("registry-events.ndjson");
        Files.writeString(export, oneEventExport("thueringen") + "\n", StandardCharsets.UTF_8);

        Run run = main("verify-export", export.toString());

        assertThat(run.exitCode).as(run.output).isEqualTo(0);
        assertThat(run.output).contains("1 events of 1 aggregates checked", "INTACT")
                .doesNotContain("Started RegistryApplication", "Tomcat");
        assertThat(dir.resolve("registry-data")).doesNotExist();
    }

    @Test
    void aViolatedExportExitsWithOne() throws Exception {
        Path export = dir.resolve("registry-events.ndjson");
        Files.writeString(export, oneEventExport("thueringen").replace("\"principal\":\"thueringen\"", "\"principal\":\"bayern\"")
                + "\n", StandardCharsets.UTF_8);

        Run run = main("verify-export", export.toString());

        assertThat(run.exitCode).as(run.output).isEqualTo(1);
        assertThat(run.output).contains("VIOLATION aggregate agg-1 sequence 0");
    }

    @Test
    void aMissingFileOrArgumentExitsWithTwo() throws Exception {
        assertThat(main("verify-export", dir.resolve("nothing.ndjson").toString()).exitCode).isEqualTo(2);
        Run usage = main("verify-export");
        assertThat(usage.exitCode).isEqualTo(2);
        assertThat(usage.output).contains("usage: verify-export");
    }

    /** One line as the registry exports it, hashed by revision 2. */
    private static String oneEventExport(String principal) {
        Instant at = Instant.parse("2024-03-01T10:00:00.120Z");
        String payload = "{\"name\": \"Wohngeld\"}";
        String hash = HashChain.hashOfCanonical(ChainRevision.WITH_ATTRIBUTION, HashChain.GENESIS, "agg-1", 0, "de.Named",
                payload, at, new Attribution(principal, "corr-1", "cause-1"));
        return "{\"position\":1,\"aggregateType\":\"Service\",\"aggregateId\":\"agg-1\",\"sequence\":0,\"type\":\"Named\","
                + "\"revision\":null,\"timestamp\":\"" + at + "\",\"payload\":{\"name\":\"Wohngeld\"},"
                + "\"metadata\":{\"principal\":\"" + principal + "\",\"correlationId\":\"corr-1\",\"causationId\":\"cause-1\","
                + "\"hash\":\"" + hash + "\",\"previousHash\":\"\",\"chainRevision\":2},"
                + "\"stored\":{\"payloadType\":\"de.Named\",\"payloadRevision\":null,\"payload\":\"{\\\"name\\\": \\\"Wohngeld\\\"}\"}}";
    }

    private record Run(int exitCode, String output) {
    }

    private Run main(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RegistryApplication.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "verify", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("verify-export did not end; output: " + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }
}
