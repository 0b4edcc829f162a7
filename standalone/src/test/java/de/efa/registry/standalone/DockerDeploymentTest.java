package de.efa.registry.standalone;

import de.efa.registry.testsupport.TestStore;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so this checks what can be checked without one: the compose file parses and has the
 * intended topology, and each image's entry point runs the jar the build produces, as a non-root user.
 */
class DockerDeploymentTest {

    private final Path docker = TestStore.projectRoot().resolve("docker");

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileParsesAndDescribesTheReplicaSetAndBothSidesTwice() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        Map<String, Object> compose = new Yaml(options).load(Files.readString(docker.resolve("compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");

        assertThat(services).containsKeys("mongo-1", "mongo-2", "mongo-3", "mongo-init", "command-side-1",
                "command-side-2", "query-side-1", "query-side-2", "gateway");
        for (String mongo : List.of("mongo-1", "mongo-2", "mongo-3")) {
            assertThat((List<String>) ((Map<String, Object>) services.get(mongo)).get("command")).contains("--replSet", "rs0");
        }
        Map<String, Object> commandSide = (Map<String, Object>) services.get("command-side-1");
        Map<String, String> environment = (Map<String, String>) commandSide.get("environment");
        assertThat(environment.get("REGISTRY_MONGODB_URI")).contains("replicaSet=rs0", "w=majority", "journal=true");
        assertThat(((Map<String, Object>) commandSide.get("build")).get("dockerfile")).isEqualTo("docker/command-side.Dockerfile");
        assertThat(String.join(" ", (List<String>) ((Map<String, Object>) services.get("mongo-init")).get("command")))
                .contains("rs.initiate");
        assertThat(Files.readString(docker.resolve("gateway.conf"))).contains("command-side-1:8081", "query-side-2:8082");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScaledSidesShareSegmentsStopCleanlyAndTheReplicaSetKeepsItsData() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        Map<String, Object> compose = new Yaml(options).load(Files.readString(docker.resolve("compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");

        for (String side : List.of("query-side-1", "query-side-2")) {
            Map<String, Object> service = (Map<String, Object>) services.get(side);
            Map<String, String> environment = (Map<String, String>) service.get("environment");
            // one segment would leave the second instance standing by; shares need at least one per instance
            assertThat(Integer.parseInt(environment.get("REGISTRY_PROJECTIONS_SEGMENTS"))).isGreaterThanOrEqualTo(2);
            assertThat(environment).containsKey("REGISTRY_MONGODB_URI").containsEntry("SERVER_SHUTDOWN", "graceful");
        }
        for (String side : List.of("command-side-1", "command-side-2", "query-side-1", "query-side-2")) {
            Map<String, Object> service = (Map<String, Object>) services.get(side);
            // time to finish requests and release segment claims before the container is killed
            assertThat(service).containsKey("stop_grace_period");
            assertThat((Map<String, Object>) ((Map<String, Object>) service.get("deploy")).get("resources")).containsKey("limits");
        }
        for (String mongo : List.of("mongo-1", "mongo-2", "mongo-3")) {
            assertThat((List<String>) ((Map<String, Object>) services.get(mongo)).get("volumes")).singleElement()
                    .asString().endsWith(":/data/db");
        }
        assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("mongo-1-data", "mongo-2-data", "mongo-3-data");
    }

    @Test
    void eachImageRunsTheJarTheBuildProducesAsANonRootUser() throws IOException {
        assertImageRuns("command-side", "de.efa.registry.command.CommandSideApplication");
        assertImageRuns("query-side", "de.efa.registry.query.QuerySideApplication");
    }

    private void assertImageRuns(String module, String applicationClass) throws IOException {
        String dockerfile = Files.readString(docker.resolve(module + ".Dockerfile"));
        Matcher copy = Pattern.compile("COPY (\\S+) (\\S+)").matcher(dockerfile);
        assertThat(copy.find()).isTrue();
        assertThat(copy.group(1)).isEqualTo(module + "/target/" + module + ".jar");
        assertThat(dockerfile).contains("\"-jar\", \"" + copy.group(2) + "\"").containsPattern("USER registry");

        Path jar = TestStore.projectRoot().resolve(copy.group(1));
        assertThat(jar).exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Start-Class")).isEqualTo(applicationClass);
        }
    }
}
