package de.efa.registry.query.fitconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Routing API's answer shapes as this project states them ({@code src/test/resources/conformance/fit-connect}),
 * validated with formats asserted (uuid, email, uri): an answer that breaks one fails the test that got it.
 */
final class FitConnectSchemas {

    static final String ROUTE_RESULT = "route-result.json";
    static final String ROUTE = "route.json";
    static final String AREA_RESULT = "area-result.json";
    static final String AREA = "area.json";
    static final String INFO = "info.json";
    static final String ERROR = "error.json";

    private static final String BASE = "https://efa-registry.de/conformance/fit-connect/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:conformance/fit-connect/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private FitConnectSchemas() {
    }

    /** The violations of {@code schema} (one of the constants) by the JSON text; empty if it conforms. */
    static Set<String> violations(String schema, String json) {
        try {
            return violations(schema, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> violations(String schema, JsonNode json) {
        JsonSchema loaded = FACTORY.getSchema(SchemaLocation.of(BASE + schema), CONFIG);
        Set<ValidationMessage> messages = loaded.validate(json);
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static void assertConforms(String schema, String json) {
        assertThat(violations(schema, json)).as("%s against %s", json, schema).isEmpty();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
