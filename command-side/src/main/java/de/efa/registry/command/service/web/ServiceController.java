package de.efa.registry.command.service.web;

import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.command.retirement.RetirementMoves;
import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.DeprecateVersion;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.PublishVersion;
import de.efa.registry.kernel.service.RegisterService;
import de.efa.registry.kernel.service.RetireVersion;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.platform.security.RegistryUser;
import de.efa.registry.platform.web.PlainText;
import de.efa.registry.platform.web.RegistryProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Service owners register their online services and manage their versions. */
@RestController
@RequestMapping(path = "/api/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
class ServiceController {

    /** How long a retirement's answer waits for the adoptions it moves (they follow anyway if it takes longer). */
    private static final Duration MOVES_PATIENCE = Duration.ofSeconds(10);

    private final CommandResponses responses;
    private final WriteLookup lookup;
    private final RetirementMoves retirementMoves;

    ServiceController(CommandResponses responses, WriteLookup lookup,
                      RetirementMoves retirementMoves) {
        this.responses = responses;
        this.lookup = lookup;
        this.retirementMoves = retirementMoves;
    }

    record RegisterServiceRequest(@NotNull LeikaKey leikaKey,
                                  @NotBlank @Size(max = 300) @PlainText String name,
                                  @NotNull StateCode providingState,
                                  @NotNull ReuseModel reuse,
                                  @Size(max = 200) @PlainText String topic,
                                  @Size(max = 5000) @PlainText(multiline = true) String description) {
    }

    record PublishVersionRequest(@NotNull ServiceVersion version,
                                 @NotNull MaturityLevel maturityLevel,
                                 @NotNull LocalDate releasedOn,
                                 @Size(max = 2000) @PlainText @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {
    }

    record DeprecationRequest(@NotNull LocalDate sunsetOn, ServiceVersion successor) {
    }

    record RetirementRequest(@NotNull LocalDate retiredOn, ServiceVersion successor) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterServiceRequest request) {
        RegistryUser.current().requireMayActFor(request.providingState());
        ServiceId serviceId = ServiceId.random();
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new RegisterService(serviceId, request.leikaKey(), request.name().strip(),
                    request.providingState(), request.reuse(), blankToNull(request.topic()), blankToNull(request.description())));
            return Map.of("serviceId", serviceId.value());
        });
    }

    @PostMapping(path = "/{serviceId}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    ResponseEntity<Map<String, Object>> publish(@PathVariable ServiceId serviceId, @Valid @RequestBody PublishVersionRequest request) {
        ownedService(serviceId);
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new PublishVersion(serviceId, request.version(), request.maturityLevel(),
                    request.releasedOn(), blankToNull(request.url())));
            return answer(serviceId, request.version(), "ACTIVE");
        });
    }

    @PostMapping(path = "/{serviceId}/versions/{version}/deprecation", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> deprecate(@PathVariable ServiceId serviceId, @PathVariable ServiceVersion version,
                                                  @Valid @RequestBody DeprecationRequest request) {
        ownedService(serviceId);
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new DeprecateVersion(serviceId, version, request.sunsetOn(), request.successor()));
            return answer(serviceId, version, "DEPRECATED");
        });
    }

    @PostMapping(path = "/{serviceId}/versions/{version}/retirement", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> retire(@PathVariable ServiceId serviceId, @PathVariable ServiceVersion version,
                                               @Valid @RequestBody RetirementRequest request) {
        ownedService(serviceId);
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new RetireVersion(serviceId, version, request.retiredOn(), request.successor()));
            // the answer's Registry-Position covers the adoptions the retirement moves, when that takes a moment
            if (retirementMoves.awaitMoved(serviceId, version, MOVES_PATIENCE)) {
                commands.coverEverythingStored();
            }
            return answer(serviceId, version, "RETIRED");
        });
    }

    /** 404 before 403: an owner learns that a service exists, which the public register shows anyway. */
    private ServiceFacts ownedService(ServiceId serviceId) {
        ServiceFacts service = lookup.service(serviceId).orElseThrow(() -> RegistryProblem.notFound("Service", serviceId));
        RegistryUser.current().requireMayActFor(service.providingState());
        return service;
    }

    private static Map<String, Object> answer(ServiceId serviceId, ServiceVersion version, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceId", serviceId.value());
        body.put("version", version.toString());
        body.put("status", status);
        return body;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
