package de.efa.registry.command.service;

import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.RegisterService;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.platform.security.RegistryUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Service owners register their online services and manage their versions. */
@RestController
@RequestMapping(path = "/api/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
class ServiceController {

    private final CommandGateway commands;

    ServiceController(CommandGateway commands) {
        this.commands = commands;
    }

    record RegisterServiceRequest(@NotNull LeikaKey leikaKey,
                                  @NotBlank @Size(max = 300) String name,
                                  @NotNull StateCode providingState,
                                  @NotNull ReuseModel reuse,
                                  @Size(max = 200) String topic,
                                  @Size(max = 5000) String description) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterServiceRequest request) {
        RegistryUser.current().requireMayActFor(request.providingState());
        ServiceId serviceId = ServiceId.random();
        return CommandResponses.execute(HttpStatus.CREATED, () -> {
            commands.sendAndWait(new RegisterService(serviceId, request.leikaKey(), request.name().strip(),
                    request.providingState(), request.reuse(), request.topic(), request.description()));
            return Map.of("serviceId", serviceId.value());
        });
    }
}
