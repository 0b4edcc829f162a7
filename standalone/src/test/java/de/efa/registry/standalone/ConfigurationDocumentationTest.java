package de.efa.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.registry.testsupport.TestStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table stays complete: every {@code registry.*} property the configuration processor
 * found in a {@code @ConfigurationProperties} record of any module is a row of it, with the same default.
 */
class ConfigurationDocumentationTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    @Test
    void everyRegistryPropertyOfTheMetadataIsDocumentedInTheReadme() throws IOException {
        Map<String, JsonNode> properties = registryPropertiesOfTheMetadata();
        Map<String, String> documented = readmeTable();

        // platform, command side and query side each declare some: all three jars' metadata are on the classpath
        assertThat(properties).containsKeys("registry.mongodb.uri", "registry.commands.aggregate-cache-size",
                "registry.projections.segments");
        assertThat(documented.keySet()).containsAll(properties.keySet());
    }

    @Test
    void theReadmeStatesEachPropertysDefault() throws IOException {
        Map<String, String> documented = readmeTable();
        registryPropertiesOfTheMetadata().forEach((name, property) -> {
            JsonNode value = property.get("defaultValue");
            if (value != null && !value.asText().isEmpty()) {
                assertThat(documented.get(name)).as("default of %s", name).contains(value.asText());
            }
        });
    }

    private static Map<String, JsonNode> registryPropertiesOfTheMetadata() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> properties = new TreeMap<>();
        for (URL url : Collections.list(ConfigurationDocumentationTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.get("name").asText();
                    if (name.startsWith("registry.")) {
                        properties.put(name, property);
                    }
                }
            }
        }
        return properties;
    }

    private static Map<String, String> readmeTable() throws IOException {
        String readme = Files.readString(TestStore.projectRoot().resolve("README.md"));
        int start = readme.indexOf("## Configuration");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Map<String, String> rows = new TreeMap<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            rows.put(row.group(1), row.group(2));
        }
        return rows;
    }
}
