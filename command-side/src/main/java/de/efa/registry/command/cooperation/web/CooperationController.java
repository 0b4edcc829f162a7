package de.efa.registry.command.cooperation.web;

import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.FoundCooperation;
import de.efa.registry.kernel.cooperation.JoinCooperation;
import de.efa.registry.kernel.cooperation.LeaveCooperation;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.platform.security.RegistryUser;
import de.efa.registry.platform.web.PlainText;
import de.efa.registry.platform.web.RegistryProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** States found cooperations and manage their own memberships; ADMIN may act for any state. */
@RestController
@RequestMapping(path = "/api/v1/cooperations", produces = MediaType.APPLICATION_JSON_VALUE)
class CooperationController {

    private final CommandResponses responses;

    CooperationController(CommandResponses responses) {
        this.responses = responses;
    }

    record FoundingRequest(@NotBlank @Size(max = 300) @PlainText String name,
                           @NotEmpty @Size(max = 16) List<@NotNull StateCode> foundingStates,
                           @NotNull LocalDate signedOn) {
    }

    record JoinRequest(@NotNull StateCode state, @NotNull LocalDate joinedOn) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    ResponseEntity<Map<String, String>> found(@Valid @RequestBody FoundingRequest request) {
        RegistryUser caller = RegistryUser.current();
        if (request.foundingStates().stream().noneMatch(caller::mayActFor)) {
            throw RegistryProblem.forbidden(caller.name() + " may only found a cooperation its own state is part of");
        }
        CooperationId cooperationId = CooperationId.random();
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new FoundCooperation(cooperationId, request.name().strip(), request.foundingStates(), request.signedOn()));
            return Map.of("cooperationId", cooperationId.value());
        });
    }

    @PostMapping(path = "/{cooperationId}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    ResponseEntity<Map<String, String>> join(@PathVariable CooperationId cooperationId, @Valid @RequestBody JoinRequest request) {
        RegistryUser.current().requireMayActFor(request.state());
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new JoinCooperation(cooperationId, request.state(), request.joinedOn()));
            return Map.of("cooperationId", cooperationId.value(), "state", request.state().value(),
                    "joinedOn", request.joinedOn().toString());
        });
    }

    @DeleteMapping("/{cooperationId}/members/{state}")
    ResponseEntity<Map<String, String>> leave(@PathVariable CooperationId cooperationId, @PathVariable StateCode state,
                                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leftOn) {
        RegistryUser.current().requireMayActFor(state);
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new LeaveCooperation(cooperationId, state, leftOn));
            return Map.of("cooperationId", cooperationId.value(), "state", state.value(), "leftOn", leftOn.toString());
        });
    }
}
