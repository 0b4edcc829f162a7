package de.efa.registry.command.adoption.bulk;

import de.efa.registry.kernel.common.NotFound;
import de.efa.registry.command.adoption.VersionToAdopt;
import com.fasterxml.jackson.annotation.JsonInclude;
import de.efa.registry.command.adoption.AuthorityOfTheState;
import de.efa.registry.command.lookup.AuthorityFacts;
import de.efa.registry.command.lookup.MunicipalityFacts;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.command.job.JobKind;
import de.efa.registry.command.job.LongWork;
import de.efa.registry.command.web.CommandFanOut;
import de.efa.registry.command.web.RequestMetaData;
import de.efa.registry.kernel.adoption.AdoptService;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.platform.security.RegistryUser;
import de.efa.registry.platform.web.ProblemTypes;
import de.efa.registry.platform.web.RegistryProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One service for many municipalities at once — a list, a district or a whole state. Every municipality is its own
 * command (and aggregate): the answer reports per municipality what was refused and why, the rest is stored.
 */
@Component
public class BulkAdoption {

    static final int MAX_MUNICIPALITIES = 20_000;
    private static final Logger log = LoggerFactory.getLogger(BulkAdoption.class);

    private final WriteLookup lookup;
    private final CommandFanOut fanOut;

    BulkAdoption(WriteLookup lookup, CommandFanOut fanOut) {
        this.lookup = lookup;
        this.fanOut = fanOut;
    }

    @Schema(name = "BulkAdoptionRequest", description = "Exactly one of ags, district and state selects the "
            + "municipalities. authorityId names the authority handling the applications of every one of them; "
            + "authorities names it per municipality (AGS to authority id), overriding authorityId for those.",
            example = """
                    {"serviceId": "0b4c4a5e-8f1e-4d55-9a55-1d9e5c2b7a10", "effectiveFrom": "2024-07-01", "district": "16061",
                     "authorityId": "c3d4e5f6-1a2b-4c3d-8e9f-0a1b2c3d4e5f"}""")
    public record Request(@NotNull ServiceId serviceId, ServiceVersion version, @NotNull LocalDate effectiveFrom,
                   @Size(max = MAX_MUNICIPALITIES) List<@NotNull Ags> ags, DistrictKey district, StateCode state,
                   AuthorityId authorityId,
                   @Size(max = MAX_MUNICIPALITIES) Map<@NotNull Ags, @NotNull AuthorityId> authorities) {

        /** The authority named for one municipality: its own entry, else the whole request's (or none). */
        AuthorityId authorityFor(Ags municipality) {
            AuthorityId own = authorities == null ? null : authorities.get(municipality);
            return own != null ? own : authorityId;
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "BulkRejection", description = "A municipality the rules refused, with the problem a single adoption would get")
    public record Rejection(String ags, int status, String type, String title) {
    }

    @Schema(name = "BulkAdoptionResult")
    public record Result(int accepted, List<Rejection> rejected) {
    }

    /**
     * Checks the request and selects its municipalities on the request thread — a refusal of the whole request (no
     * such service, a state the caller may not act for) is answered at once — and leaves the commands to be sent.
     */
    public LongWork<Result> plan(Request request, RegistryUser caller) {
        long selectors = java.util.stream.Stream.of(request.ags(), request.district(), request.state())
                .filter(java.util.Objects::nonNull).count();
        if (selectors != 1) {
            throw new InvalidValueException("ags", "name exactly one of ags, district or state");
        }
        ServiceFacts service = lookup.service(request.serviceId())
                .orElseThrow(() -> new NotFound("Service", request.serviceId()));
        // every municipality gets the same version, even if a newer one is published while the bulk runs
        ServiceVersion version = VersionToAdopt.of(service, request.version());

        List<Rejection> refused = new ArrayList<>();
        List<Ags> selected = select(request, caller, refused);
        if (request.authorityId() != null) {
            // one authority for the whole request: refused once, before any adoption is stored, rather than once per
            // municipality; an authority named per municipality is judged with that municipality's adoption
            AuthorityFacts authority = lookup.authority(request.authorityId()).orElseThrow(() -> new RuleViolated(
                    AuthorityOfTheState.UNKNOWN, "Unknown authority",
                    "No authority with id " + request.authorityId() + " is recorded"));
            selected.stream().filter(ags -> !authority.state().equals(ags.state())
                            && (request.authorities() == null || !request.authorities().containsKey(ags)))
                    .findFirst().ifPresent(ags -> {
                        throw new RuleViolated(AuthorityOfTheState.OTHER_STATE, "Authority of another state",
                                "Authority " + authority.authorityId() + " belongs to state " + authority.state()
                                        + ", municipality " + ags + " to state " + ags.state());
                    });
        }
        // taken here, on the request thread: the principal and the Idempotency-Key travel with every command
        MetaData metaData = RequestMetaData.of(caller.name());
        String description = "Bulk adoption of service " + request.serviceId() + " " + version + " by " + caller.name();
        return new LongWork<>(JobKind.BULK_ADOPTION, description, selected.size(),
                progress -> adopt(request, version, selected, refused, metaData, description, progress));
    }

    private Result adopt(Request request, ServiceVersion version, List<Ags> selected, List<Rejection> refused,
                         MetaData metaData, String description, CommandFanOut.Progress progress) {
        List<Rejection> rejected = new ArrayList<>(refused);
        List<CommandFanOut.Outcome<Ags>> outcomes = fanOut.send(selected, ags -> new AdoptService(ags, AdoptionId.random(),
                request.serviceId(), version, request.effectiveFrom(), request.authorityFor(ags)), metaData, progress);
        int accepted = 0;
        for (CommandFanOut.Outcome<Ags> outcome : outcomes) {
            if (outcome.failure() == null) {
                accepted++;
            } else {
                rejected.add(rejection(outcome.item().value(), outcome.failure()));
            }
        }
        log.info("{}: {} accepted, {} rejected", description, accepted, rejected.size());
        return new Result(accepted, rejected);
    }

    private List<Ags> select(Request request, RegistryUser caller, List<Rejection> rejected) {
        if (request.ags() != null) {
            List<Ags> allowed = new ArrayList<>();
            for (Ags ags : new LinkedHashSet<>(request.ags())) {
                if (caller.mayActFor(ags.state())) {
                    allowed.add(ags);
                } else {
                    rejected.add(new Rejection(ags.value(), 403, ProblemTypes.FORBIDDEN.toString(), "Forbidden"));
                }
            }
            return allowed;
        }
        StateCode state = request.state() != null ? request.state() : request.district().state();
        caller.requireMayActFor(state);
        Function<MunicipalityFacts, Boolean> inSelection = request.state() != null
                ? m -> m.ags().state().equals(state)
                : m -> m.district().equals(request.district());
        List<Ags> selected = lookup.allMunicipalities().stream()
                .filter(m -> !m.dissolved() && inSelection.apply(m)).map(MunicipalityFacts::ags).sorted(
                        java.util.Comparator.comparing(Ags::value)).collect(Collectors.toList());
        if (selected.isEmpty()) {
            throw new NotFound(request.state() != null ? "Municipalities of state" : "Municipalities of district",
                    request.state() != null ? request.state() : request.district());
        }
        if (selected.size() > MAX_MUNICIPALITIES) {
            throw new InvalidValueException("state", "selects more than " + MAX_MUNICIPALITIES + " municipalities");
        }
        return selected;
    }

    private static Rejection rejection(String ags, RuntimeException failure) {
        java.util.Optional<RegistryProblem> refusal = RegistryProblem.refusal(failure);
        if (refusal.isPresent()) {
            RegistryProblem problem = refusal.get();
            return new Rejection(ags, problem.status().value(), problem.type().toString(), problem.title());
        }
        Throwable cause = failure instanceof org.axonframework.commandhandling.CommandExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof AggregateNotFoundException) {
            return new Rejection(ags, 404, ProblemTypes.NOT_FOUND.toString(), "Not found");
        }
        if (cause instanceof ConcurrencyException) {
            return new Rejection(ags, 409, ProblemTypes.CONCURRENT_CHANGE.toString(), "Concurrent change");
        }
        log.error("Bulk adoption for {} failed unexpectedly", ags, cause);
        return new Rejection(ags, HttpStatus.INTERNAL_SERVER_ERROR.value(), ProblemTypes.INTERNAL.toString(), "Internal error");
    }

}
