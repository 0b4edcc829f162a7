package de.efa.registry.query.dv;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.Set;

/**
 * The project's own JSON Schemas of the Dashboard data API ({@code src/test/resources/conformance/dv/}), stated from
 * the facts of the published interface; their {@code $id}s resolve to the classpath, so nothing is fetched.
 */
final class DvSchemas {

    private static final String BASE = "https://efa-registry.example/conformance/dv/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:conformance/dv/")));

    static final JsonSchema DATA_PAGE = schema("page-dv-data.json");
    static final JsonSchema ARS_PAGE = schema("page-ars.json");
    static final JsonSchema PROBLEM = schema("problem.json");

    private DvSchemas() {
    }

    private static JsonSchema schema(String file) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + file));
    }

    static Set<ValidationMessage> errors(JsonSchema schema, JsonNode answer) {
        return schema.validate(answer);
    }
}
