package de.efa.registry.command.cooperation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.efa.registry.platform.web.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.efa.registry.command.web.CommandResponses;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.CooperationStatus;
import de.efa.registry.kernel.cooperation.SignCooperation;
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

/** States found cooperations and manage their own memberships; ADMIN may act for any state. */
@RestController
@Tag(name = ApiTags.COOPERATIONS)
@RequestMapping(path = "/api/v1/cooperations", produces = MediaType.APPLICATION_JSON_VALUE)
class CooperationController {

    private final CommandResponses responses;

    CooperationController(CommandResponses responses) {
        this.responses = responses;
    }

    @Schema(example = """
            {"name": "EfA-Kooperation Mitteldeutschland", "foundingStates": ["16", "14", "15"], "signedOn": "2024-01-15"}""")
    record FoundingRequest(@NotBlank @Size(max = 300) @PlainText String name,
                           @NotEmpty @Size(max = 16) List<@NotNull StateCode> foundingStates,
                           @NotNull LocalDate signedOn) {
    }

    @Schema(example = """
            {"state": "09", "joinedOn": "2024-06-01"}""")
    record JoinRequest(@NotNull StateCode state, @NotNull LocalDate joinedOn) {
    }

    @Schema(example = """
            {"state": "14", "signedOn": "2024-02-01"}""")
    record SignatureRequest(@NotNull StateCode state, @NotNull LocalDate signedOn) {
    }

    /** The answer to a founding: the id under which the cooperation is known, and whose signatures it waits for. */
    record FoundingAnswer(CooperationId cooperationId, CooperationStatus status, List<StateCode> awaitingSignatures) {
    }

    /** The answer to a signature: whose, and whether the cooperation still waits for others or is in force now. */
    record SignatureAnswer(CooperationId cooperationId, StateCode state, LocalDate signedOn, CooperationStatus status) {
    }

    /** The answer to a change of membership: whose, and from or until when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MembershipAnswer(CooperationId cooperationId, StateCode state, LocalDate joinedOn, LocalDate leftOn) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    @Operation(operationId = "foundCooperation", summary = "Found a cooperation of states",
            description = "Founds a cooperation of at least two distinct states. Founded by the OWNER of one founding "
                    + "state, it is PENDING until every other founding state has signed (POST …/signatures); no rule "
                    + "uses it until then. Recorded by ADMIN, it is an agreement all founders signed on signedOn and "
                    + "ACTIVE at once. signedOn lies between 2017-08-14 (the OZG) and a year from today.")
    ResponseEntity<FoundingAnswer> found(@Valid @RequestBody FoundingRequest request) {
        RegistryUser caller = RegistryUser.current();
        if (request.foundingStates().stream().noneMatch(caller::mayActFor)) {
            throw RegistryProblem.forbidden(caller.name() + " may only found a cooperation its own state is part of");
        }
        CooperationId cooperationId = CooperationId.random();
        // an OWNER signs for its own state only; ADMIN records an agreement every founder signed
        StateCode proposer = caller.isAdmin() ? null : caller.state().orElseThrow();
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new FoundCooperation(cooperationId, request.name().strip(), request.foundingStates(),
                    request.signedOn(), proposer));
            List<StateCode> awaiting = request.foundingStates().stream().distinct()
                    .filter(state -> proposer != null && !state.equals(proposer)).toList();
            return new FoundingAnswer(cooperationId, awaiting.isEmpty() ? CooperationStatus.ACTIVE : CooperationStatus.PENDING,
                    awaiting);
        });
    }

    @PostMapping(path = "/{cooperationId}/signatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    @Operation(operationId = "signCooperation", summary = "Sign a pending cooperation",
            description = "A founding state signs a PENDING cooperation (OWNER of that state, or ADMIN). The last "
                    + "signature puts it in force: every founder is a member from the latest signature's day. 409 when "
                    + "the state signed already or the cooperation is in force; 422 for a state that is no founder "
                    + "or a day before the proposal.")
    ResponseEntity<SignatureAnswer> sign(@PathVariable CooperationId cooperationId,
                                         @Valid @RequestBody SignatureRequest request) {
        RegistryUser.current().requireMayActFor(request.state());
        return responses.execute(HttpStatus.CREATED, commands -> {
            CooperationStatus status = commands.send(new SignCooperation(cooperationId, request.state(), request.signedOn()));
            return new SignatureAnswer(cooperationId, request.state(), request.signedOn(), status);
        });
    }

    @PostMapping(path = "/{cooperationId}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    @Operation(operationId = "joinCooperation", summary = "Join a cooperation",
            description = "Makes a state a member from joinedOn (OWNER of that state, or ADMIN). From that day its "
                    + "municipalities may adopt the EFA services of the other members, and theirs its services.")
    ResponseEntity<MembershipAnswer> join(@PathVariable CooperationId cooperationId, @Valid @RequestBody JoinRequest request) {
        RegistryUser.current().requireMayActFor(request.state());
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new JoinCooperation(cooperationId, request.state(), request.joinedOn()));
            return new MembershipAnswer(cooperationId, request.state(), request.joinedOn(), null);
        });
    }

    @DeleteMapping("/{cooperationId}/members/{state}")
    @Operation(operationId = "leaveCooperation", summary = "Leave a cooperation",
            description = "Ends a state's membership on leftOn (OWNER of that state, or ADMIN). From that day new "
                    + "cross-border adoptions resting on it are refused; existing adoptions stay.")
    ResponseEntity<MembershipAnswer> leave(@PathVariable CooperationId cooperationId, @PathVariable StateCode state,
                                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leftOn) {
        RegistryUser.current().requireMayActFor(state);
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new LeaveCooperation(cooperationId, state, leftOn));
            return new MembershipAnswer(cooperationId, state, null, leftOn);
        });
    }
}
