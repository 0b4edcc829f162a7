package de.efa.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract lives in the repository: {@code docs/openapi.json} and {@code docs/openapi.yaml} are the document the
 * standalone registry serves — both sides in one, which is what the split deployment's gateway serves at
 * {@code /v3/api-docs} (docker/gateway.conf), since neither side alone knows the other's operations. Their server is
 * relative ({@code /}), so the document names whatever address it was fetched from, the gateway's included.
 * <p>
 * When the API changes, this test fails until the files are written again:
 * {@code ./mvnw -B verify -pl standalone -am -Dtest=ApiDocumentInRepositoryTest -Dregistry.api-docs.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} — and the diff of the files is the change of the contract to review.
 */
class ApiDocumentInRepositoryTest extends StandaloneHttpTestBase {

    private static final Path DOCS = Path.of("..", "docs");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    @Test
    void theRepositoryHoldsTheDocumentTheRegistryServes() throws IOException {
        JsonNode served = JSON.readTree(http.get("/v3/api-docs").send().body());
        ((ObjectNode) served).putArray("servers").addObject()
                .put("url", "/")
                .put("description", "Where this document is served from: the standalone registry or the gateway");
        String json = JSON.writeValueAsString(served) + "\n";
        String yaml = YAML.writeValueAsString(served);

        if (Boolean.getBoolean("registry.api-docs.update")) {
            Files.writeString(DOCS.resolve("openapi.json"), json, StandardCharsets.UTF_8);
            Files.writeString(DOCS.resolve("openapi.yaml"), yaml, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOCS.resolve("openapi.json"), StandardCharsets.UTF_8))
                .as("docs/openapi.json is the served document; write it again as this class's comment says")
                .isEqualTo(json);
        assertThat(Files.readString(DOCS.resolve("openapi.yaml"), StandardCharsets.UTF_8))
                .as("docs/openapi.yaml is the served document; write it again as this class's comment says")
                .isEqualTo(yaml);
    }
}
