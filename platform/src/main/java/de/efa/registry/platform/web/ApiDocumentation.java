package de.efa.registry.platform.web;

import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the OpenAPI document says beyond what springdoc reads off the controllers: how to authenticate, the problem
 * answers every endpoint can give, and the registry's own headers — {@code Registry-Position} on every command's
 * answer, {@code Registry-Min-Position} on every read, {@code Idempotency-Key} on every command POST. These hold for
 * the whole API by construction (filters and one response helper), so they are added here once rather than annotated
 * on each handler, where one forgotten annotation would make the document lie.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** Handlers of this package answer through CommandResponses: with the position of the events they stored. */
    private static final String COMMAND_SIDE = "de.efa.registry.command";
    private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

    /** The value objects travel as text: which text, wherever one appears (paths, queries, bodies). */
    private static final Map<Class<?>, Supplier<Schema<?>>> VALUE_OBJECTS = Map.of(
            ServiceId.class, () -> new StringSchema().format("uuid").example("0b4c4a5e-8f1e-4d55-9a55-1d9e5c2b7a10"),
            AdoptionId.class, () -> new StringSchema().format("uuid").example("5d0c3f8e-2a47-4b1e-9c3a-7e6f1a2b3c4d"),
            CooperationId.class, () -> new StringSchema().format("uuid").example("a7e1c2d3-4b5f-4e6a-8b9c-0d1e2f3a4b5c"),
            AuthorityId.class, () -> new StringSchema().format("uuid").example("c3d4e5f6-1a2b-4c3d-8e9f-0a1b2c3d4e5f"),
            Ags.class, () -> new StringSchema().pattern("^[0-9]{8}$").description("Amtlicher Gemeindeschlüssel").example("16055000"),
            StateCode.class, () -> new StringSchema().pattern("^[0-9]{2}$").description("The state's two digits").example("16"),
            LeikaKey.class, () -> new StringSchema().pattern("^[0-9]{14}$").description("LeiKa key").example("99123456760000"),
            ServiceVersion.class, () -> new StringSchema().pattern("^(0|[1-9][0-9]{0,5})(\\.(0|[1-9][0-9]{0,5})){2}$")
                    .description("MAJOR.MINOR.PATCH").example("1.0.0"));

    static {
        // in bodies; parameters are converted from text and documented as text, so registryConventions names theirs
        VALUE_OBJECTS.forEach((type, schema) -> SpringDocUtils.getConfig().replaceWithSchema(type, schema.get()));
    }

    @Bean
    public OpenAPI registryOpenApi() {
        return new OpenAPI()
                .info(new Info().title("EfA Registry").version("v1").description("The register of Germany's online "
                        + "administrative services (OZG, \"Einer für Alle\"): services, versions, adoptions by "
                        + "municipalities, cooperations of states, and their history."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The standalone registry's demo principals"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("The split deployment: claims roles and state"))
                        .addSchemas(PROBLEM, problemSchema()))
                .tags(new java.util.ArrayList<>(ApiTags.ALL))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    public OperationCustomizer registryConventions() {
        return (operation, handler) -> {
            boolean read = handler.hasMethodAnnotation(GetMapping.class);
            boolean write = handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class)
                    || handler.hasMethodAnnotation(DeleteMapping.class);
            boolean command = write && handler.getBeanType().getPackageName().startsWith(COMMAND_SIDE);
            describeValueObjectParameters(operation, handler);
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            if (read) {
                addHeaderParameter(operation, RegistryHeaders.MIN_POSITION, new IntegerSchema().format("int64"),
                        "Answer only once every projection has processed this position (read your own writes)");
                problem(responses, "503", "The projections did not reach Registry-Min-Position in time")
                        .addHeaderObject("Retry-After", new Header().schema(new IntegerSchema())
                                .description("Seconds after which to ask again"));
            }
            if (command) {
                responses.forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        response.addHeaderObject(RegistryHeaders.POSITION, new Header().schema(new IntegerSchema().format("int64"))
                                .description("The global position of the last event this request stored"));
                    }
                });
            }
            if (command && handler.hasMethodAnnotation(PostMapping.class)) {
                addHeaderParameter(operation, RegistryHeaders.IDEMPOTENCY_KEY,
                        new StringSchema().pattern("[\\x21-\\x7E]{1,255}"), "A repeat with the same key and request "
                                + "returns the first answer and stores nothing; the same key with another request is a 422");
            }
            problem(responses, "400", "Invalid input: errors names each refused field");
            problem(responses, "401", "No or invalid credentials");
            problem(responses, "403", "The caller's role or state may not do this");
            if (hasPathVariables(handler)) {
                problem(responses, "404", "No record with this id");
            }
            if (write) {
                problem(responses, "409", "A conflict with what is stored (a duplicate, a concurrent change)");
                problem(responses, "413", "The body is too large");
                problem(responses, "415", "The body has another content type");
                problem(responses, "422", "A business rule refused it; type names the rule");
            }
            return operation;
        };
    }

    private static void describeValueObjectParameters(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() == null) {
            return;
        }
        String[] names = PARAMETER_NAMES.getParameterNames(handler.getMethod());
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Supplier<Schema<?>> schema = VALUE_OBJECTS.get(parameter.getParameterType());
            String name = names == null ? null : names[parameter.getParameterIndex()];
            if (schema != null && name != null) {
                operation.getParameters().stream().filter(p -> name.equals(p.getName())).forEach(p -> p.setSchema(schema.get()));
            }
        }
    }

    private static boolean hasPathVariables(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
    }

    private static void addHeaderParameter(Operation operation, String name, Schema<?> schema, String description) {
        if (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> name.equals(p.getName()))) {
            return;
        }
        Parameter parameter = new HeaderParameter().name(name).required(false).schema(schema).description(description);
        operation.addParametersItem(parameter);
    }

    private static ApiResponse problem(ApiResponses responses, String status, String description) {
        ApiResponse existing = responses.get(status);
        if (existing != null) {
            return existing;
        }
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        responses.addApiResponse(status, response);
        return response;
    }

    /** RFC 9457 as the registry writes it (ProblemAdvice): flat, with the refused fields in {@code errors}. */
    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.properties(Map.of("field", new StringSchema(), "message", new StringSchema()));
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri").description("Names the problem, e.g. …/problems/cross-border-not-permitted"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("One entry per refused field"))
                .addProperty("requestId", new StringSchema().description("The request's X-Request-Id (the caller's, if "
                        + "1-64 letters, digits, '.', '_' or '-', else one made for it): what the log lines of the request carry"))
                .required(java.util.List.of("type", "title", "status"));
    }
}
