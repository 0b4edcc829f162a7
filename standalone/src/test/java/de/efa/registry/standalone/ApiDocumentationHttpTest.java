package de.efa.registry.standalone;

import de.efa.registry.standalone.support.RawHttp;
import de.efa.registry.standalone.support.StandaloneHttpTestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document says what the API does: its statuses, its problems, its headers, how to sign in, and what each
 * read answers.
 */
@SuppressWarnings("unchecked")
class ApiDocumentationHttpTest extends StandaloneHttpTestBase {

    private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean");

    @Test
    void theDocumentNamesCreatedStatusesProblemsHeadersAndSignIn() {
        RawHttp.Answer answer = http.get("/v3/api-docs").send();
        assertThat(answer.status()).isEqualTo(200);
        Map<String, Object> document = answer.json();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");

        assertThat(paths).doesNotContainKey("/error").containsKeys("/api/v1/services", "/api/v1/lookup/{ags}");
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        assertThat((Map<String, Object>) components.get("securitySchemes")).containsKeys("basic", "bearer");
        assertThat((Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get("Problem"))
                .extractingByKey("properties").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("type", "title", "status", "detail", "errors", "requestId");

        for (String create : List.of("/api/v1/services", "/api/v1/services/{serviceId}/versions", "/api/v1/cooperations",
                "/api/v1/cooperations/{cooperationId}/members", "/api/v1/adoptions")) {
            Map<String, Object> responses = responses(paths, create, "post");
            assertThat(responses).as(create).containsKeys("201", "400", "401", "403", "409", "415", "422").doesNotContainKey("200");
            assertThat(headers(responses.get("201"))).as(create).containsKey("Registry-Position");
            assertThat(parameterNames(paths, create, "post")).as(create).contains("Idempotency-Key");
            assertThat(responses.get("422").toString()).contains("application/problem+json", "#/components/schemas/Problem");
        }
        assertThat(headers(responses(paths, "/api/v1/cooperations/{cooperationId}/members/{state}", "delete").get("200")))
                .containsKey("Registry-Position");

        Map<String, Object> read = responses(paths, "/api/v1/services/{serviceId}", "get");
        assertThat(read).containsKeys("200", "400", "401", "403", "404", "503");
        assertThat(headers(read.get("503"))).containsKey("Retry-After");
        assertThat(parameterNames(paths, "/api/v1/services/{serviceId}", "get")).contains("Registry-Min-Position");
        // a read stores nothing, so it neither takes an idempotency key nor answers with a position
        assertThat(parameterNames(paths, "/api/v1/services/{serviceId}", "get")).doesNotContain("Idempotency-Key");
        assertThat(headers(read.get("200"))).doesNotContainKey("Registry-Position");
        Map<String, Object> timeline = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/stats/timeline")).get("get");
        assertThat(((List<Map<String, Object>>) timeline.get("parameters")).stream()
                .filter(p -> "interval".equals(p.get("name"))).findFirst().orElseThrow().get("schema").toString())
                .contains("enum=[month, week, day]");
        // value objects travel as text of a known form, and the directory as plain text
        assertThat(((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/services/{serviceId}"))
                .get("get")).get("parameters")).get(0).get("schema").toString()).contains("format=uuid");
        assertThat(((Map<String, Object>) ((Map<String, Object>) paths.get("/api/v1/admin/municipalities/import")).get("post"))
                .get("requestBody").toString()).contains("text/plain", "type=string").doesNotContain("format=byte");
        // long work answers 202 with the job to poll when asked to (Prefer: respond-async)
        for (String longWork : List.of("/api/v1/admin/municipalities/import", "/api/v1/adoptions/bulk")) {
            Map<String, Object> responses = responses(paths, longWork, "post");
            assertThat(responses).as(longWork).containsKeys("200", "202", "503");
            assertThat(headers(responses.get("202"))).as(longWork).containsKey("Location");
            assertThat(responses.get("200").toString()).as(longWork).contains("#/components/schemas/");
            assertThat(responses.get("202").toString()).as(longWork).contains("#/components/schemas/JobAnswer");
        }
        assertThat(responses(paths, "/api/v1/jobs/{jobId}", "get")).containsKeys("200", "400", "401", "403", "404");
        assertThat((Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get("JobAnswer"))
                .extractingByKey("properties").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("jobId", "kind", "state", "done", "total", "perSecond", "startedAt", "finishedAt", "result", "reason");
    }

    @Test
    void everyReadNamesThePropertiesOfItsAnswer() {
        Map<String, Object> document = http.get("/v3/api-docs").send().json();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");

        Map<String, String> freeForm = new TreeMap<>();
        List<String> checked = new ArrayList<>();
        paths.forEach((path, item) -> {
            Map<String, Object> read = (Map<String, Object>) ((Map<String, Object>) item).get("get");
            Map<String, Object> ok = read == null ? null : (Map<String, Object>) ((Map<String, Object>) read.get("responses")).get("200");
            Map<String, Object> json = ok == null ? null
                    : (Map<String, Object>) ((Map<String, Object>) ok.getOrDefault("content", Map.of())).get("application/json");
            if (!path.startsWith("/api/v1/") || json == null) {
                return;
            }
            checked.add(path);
            Map<String, Object> answer = resolve(schemas, (Map<String, Object>) json.get("schema"));
            if (!hasNamedProperties(answer)) {
                freeForm.put(path, String.valueOf(answer));
                return;
            }
            // the elements of the answer's lists of records too: a page's items, a statistic's rows, a service's versions
            ((Map<String, Map<String, Object>>) answer.get("properties")).forEach((name, property) -> {
                if (property.get("items") instanceof Map<?, ?> element
                        && !SCALARS.contains(String.valueOf(element.get("type")))
                        && !hasNamedProperties(resolve(schemas, (Map<String, Object>) element))) {
                    freeForm.put(path + " " + name, String.valueOf(element));
                }
            });
        });

        assertThat(checked).contains("/api/v1/municipalities", "/api/v1/services/{serviceId}/adoptions",
                "/api/v1/stats/coverage", "/api/v1/admin/projections/{name}/dead-letters",
                "/api/v1/audit/aggregates/{aggregateId}/history");
        assertThat(freeForm).as("answers without named properties").isEmpty();
        // a field that can be null says so (OpenAPI 3.1: "null" among its types)
        Map<String, Object> membership = (Map<String, Object>) ((Map<String, Object>) schemas.get("Membership")).get("properties");
        assertThat(((Map<String, Object>) membership.get("leftOn")).get("type")).isEqualTo(List.of("string", "null"));
    }

    @Test
    void everyOperationIsSummarisedDescribedTaggedAndNamedForPeople() {
        Map<String, Object> document = http.get("/v3/api-docs").send().json();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        Set<Object> declaredTags = new java.util.HashSet<>();
        for (Map<String, Object> tag : (List<Map<String, Object>>) document.get("tags")) {
            assertThat((String) tag.get("description")).as("tag %s", tag.get("name")).isNotBlank();
            declaredTags.add(tag.get("name"));
        }

        Map<String, String> operationIds = new TreeMap<>();
        List<String> operations = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<String, Map<String, Object>>) item).forEach((method, operation) -> {
            String name = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
            operations.add(name);
            assertThat((String) operation.get("summary")).as("summary of %s", name).isNotBlank();
            assertThat((String) operation.get("description")).as("description of %s", name).isNotBlank();
            // readable and stable: no springdoc suffix (_1) and no controller class names as tags
            String operationId = (String) operation.get("operationId");
            assertThat(operationId).as("operationId of %s", name).matches("[a-z][A-Za-z]+");
            assertThat(operationIds.put(operationId, name)).as("%s named twice", operationId).isNull();
            assertThat((List<Object>) operation.get("tags")).as("tags of %s", name).hasSize(1)
                    .allSatisfy(tag -> assertThat(declaredTags).contains(tag));
        }));
        assertThat(operations).hasSizeGreaterThan(30);
    }

    @Test
    void writesAnswerTypedBodiesAndShowAnExampleOfWhatTheyTake() {
        Map<String, Object> document = http.get("/v3/api-docs").send().json();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");

        List<String> checked = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<String, Map<String, Object>>) item).forEach((method, operation) -> {
            if (method.equals("get")) {
                return;
            }
            String name = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
            ((Map<String, Map<String, Object>>) operation.get("responses")).forEach((status, response) -> {
                Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) response.getOrDefault("content", Map.of()))
                        .get("application/json");
                if (status.startsWith("2") && json != null) {
                    assertThat(hasNamedProperties(resolve(schemas, (Map<String, Object>) json.get("schema"))))
                            .as("%s answers %s with named properties", name, status).isTrue();
                }
            });
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            Map<String, Object> json = body == null ? null
                    : (Map<String, Object>) ((Map<String, Object>) body.get("content")).get("application/json");
            if (json != null) {
                checked.add(name);
                Map<String, Object> schema = resolve(schemas, (Map<String, Object>) json.get("schema"));
                assertThat(json.containsKey("example") || json.containsKey("examples") || schema.get("example") instanceof Map)
                        .as("%s shows an example body", name).isTrue();
            }
        }));
        assertThat(checked).contains("POST /api/v1/services", "POST /api/v1/adoptions", "POST /api/v1/adoptions/bulk");
        assertThat(schemas).as("schemas named for what they are").doesNotContainKeys("Row", "Result", "Request", "Rejection");
    }

    @Test
    void theYamlDocumentIsAsPublicAsTheJson() {
        RawHttp.Answer yaml = http.get("/v3/api-docs.yaml").send();
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("openapi: ").contains("operationId: registerService");
    }

    /** The schema itself, the one it refers to, or for a list the schema of its elements. */
    private static Map<String, Object> resolve(Map<String, Object> schemas, Map<String, Object> schema) {
        if (schema.get("$ref") instanceof String ref) {
            return resolve(schemas, (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)));
        }
        if (schema.get("items") instanceof Map<?, ?> element) {
            return resolve(schemas, (Map<String, Object>) element);
        }
        return schema;
    }

    /** Named properties, and nothing beyond them: a map or free-form object has additionalProperties or none. */
    private static boolean hasNamedProperties(Map<String, Object> schema) {
        return schema != null && schema.get("properties") instanceof Map<?, ?> properties && !properties.isEmpty()
                && !schema.containsKey("additionalProperties");
    }

    private static Map<String, Object> responses(Map<String, Object> paths, String path, String method) {
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(method);
        return (Map<String, Object>) operation.get("responses");
    }

    private static List<Object> parameterNames(Map<String, Object> paths, String path, String method) {
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(method);
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        return parameters.stream().map(p -> p.get("name")).toList();
    }

    private static Map<String, Object> headers(Object response) {
        return (Map<String, Object>) ((Map<String, Object>) response).getOrDefault("headers", Map.of());
    }
}
