package de.efa.registry.command.job;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every {@link MayRunAsJob} handler answers beside its 200, as the API document says it. */
@Configuration(proxyBeanMethods = false)
class JobDocumentation {

    @Bean
    OperationCustomizer longWorkAnswers() {
        return (operation, handler) -> {
            if (!handler.hasMethodAnnotation(MayRunAsJob.class)) {
                return operation;
            }
            operation.addParametersItem(new HeaderParameter().name(RespondAsync.PREFER).required(false)
                    .schema(new StringSchema()._default(null).example(RespondAsync.RESPOND_ASYNC))
                    .description("respond-async: run as a job and answer 202 at once instead of waiting"));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            responses.addApiResponse("202", new ApiResponse()
                    .description("Prefer: respond-async: the request was read and checked, the job at Location carries "
                            + "it out (Preference-Applied: respond-async); GET it until DONE, its result is the 200's body")
                    .addHeaderObject("Location", new Header().schema(new StringSchema()).description("/api/v1/jobs/{jobId}"))
                    .addHeaderObject(RespondAsync.PREFERENCE_APPLIED, new Header().schema(new StringSchema()))
                    .content(json("#/components/schemas/JobAnswer")));
            responses.addApiResponse("503", new ApiResponse()
                    .description("Prefer: respond-async while as many jobs run as the instance takes")
                    .addHeaderObject("Retry-After", new Header().schema(new IntegerSchema())
                            .description("Seconds after which to ask again"))
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
            operation.setResponses(responses);
            return operation;
        };
    }

    private static Content json(String ref) {
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref(ref)));
    }
}
