package de.efa.registry.command.service.web;

import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.command.retirement.RetirementMoves;
import de.efa.registry.command.web.CommandResponses;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.common.ValueObjects;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.CatalogueFacts;
import de.efa.registry.kernel.service.DeprecateVersion;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.MaturityModel;
import de.efa.registry.kernel.service.OnlineStatus;
import de.efa.registry.kernel.service.PublishVersion;
import de.efa.registry.kernel.service.RecordCatalogueFacts;
import de.efa.registry.kernel.service.RecordOnlineStatus;
import de.efa.registry.kernel.service.RegisterService;
import de.efa.registry.kernel.service.RetireVersion;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionStatus;
import de.efa.registry.platform.web.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.efa.registry.platform.security.RegistryUser;
import de.efa.registry.platform.web.PlainText;
import de.efa.registry.platform.web.RegistryProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** Service owners register their online services and manage their versions. */
@RestController
@Tag(name = ApiTags.SERVICES)
@RequestMapping(path = "/api/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
class ServiceController {

    /** How long a retirement's answer waits for the adoptions it moves (they follow anyway if it takes longer). */
    private static final Duration MOVES_PATIENCE = Duration.ofSeconds(10);
    /** Who checked, as the event names it for a status an owner (or an administrator) recorded by hand. */
    private static final String CHECKED_BY_OWNER = "owner";

    private final CommandResponses responses;
    private final WriteLookup lookup;
    private final RetirementMoves retirementMoves;
    private final Clock clock;

    ServiceController(CommandResponses responses, WriteLookup lookup,
                      RetirementMoves retirementMoves) {
        this.responses = responses;
        this.lookup = lookup;
        this.retirementMoves = retirementMoves;
        this.clock = Clock.systemUTC();
    }

    @Schema(example = """
            {"leikaKey": "99123456760000", "name": "Wohngeld beantragen", "providingState": "16", "reuse": "EFA",
             "topic": "Familie & Kind", "description": "Antrag auf Mietzuschuss", "ozgId": 10214,
             "ozgName": "Wohngeld", "leikaName": "Wohngeld Bewilligung", "typisierung": 4}""")
    record RegisterServiceRequest(@NotNull LeikaKey leikaKey,
                                  @NotBlank @Size(max = 300) @PlainText String name,
                                  @NotNull StateCode providingState,
                                  @NotNull ReuseModel reuse,
                                  @Size(max = 200) @PlainText String topic,
                                  @Size(max = 5000) @PlainText(multiline = true) String description,
                                  @Schema(description = "The OZG catalogue's number of the service (OZG-ID)")
                                  @Min(1) @Max(CatalogueFacts.MAX_OZG_ID) Integer ozgId,
                                  @Schema(description = "The OZG catalogue's name of the service")
                                  @Size(max = CatalogueFacts.MAX_NAME_LENGTH) @PlainText String ozgName,
                                  @Schema(description = "The LeiKa catalogue's name of the service")
                                  @Size(max = CatalogueFacts.MAX_NAME_LENGTH) @PlainText String leikaName,
                                  @Schema(description = "The LeiKa typisation, 1 to 10")
                                  @Min(1) @Max(10) Integer typisierung,
                                  @Schema(description = "false: the Dashboard Digitale Verwaltung does not count the "
                                          + "service (\"nicht in Auswertung berücksichtigt\"); true when left out")
                                  Boolean evaluated) {

        CatalogueFacts catalogue() {
            return new CatalogueFacts(ozgId, ozgName, leikaName, typisierung, evaluated == null || evaluated);
        }
    }

    @Schema(example = """
            {"ozgId": 10214, "ozgName": "Wohngeld", "leikaName": "Wohngeld Bewilligung", "typisierung": 4,
             "evaluated": true}""")
    record CatalogueRequest(@Schema(description = "The OZG catalogue's number of the service (OZG-ID)")
                            @Min(1) @Max(CatalogueFacts.MAX_OZG_ID) Integer ozgId,
                            @Schema(description = "The OZG catalogue's name of the service")
                            @Size(max = CatalogueFacts.MAX_NAME_LENGTH) @PlainText String ozgName,
                            @Schema(description = "The LeiKa catalogue's name of the service")
                            @Size(max = CatalogueFacts.MAX_NAME_LENGTH) @PlainText String leikaName,
                            @Schema(description = "The LeiKa typisation, 1 to 10")
                            @Min(1) @Max(10) Integer typisierung,
                            @Schema(description = "false: the Dashboard Digitale Verwaltung does not count the "
                                    + "service; true when left out")
                            Boolean evaluated) {

        CatalogueFacts facts() {
            return new CatalogueFacts(ozgId, ozgName, leikaName, typisierung, evaluated == null || evaluated);
        }

        /**
         * The set replaces the last one and every field is optional: a misspelt field ({@code "typisirung"}) would
         * silently erase the fact it meant to set, so a field this body does not know is refused.
         */
        @JsonAnySetter
        void unknown(String field, Object value) {
            throw new InvalidValueException("unknown field '" + ValueObjects.abbreviate(field) + "'; the catalogue facts are "
                    + "ozgId, ozgName, leikaName, typisierung and evaluated");
        }
    }

    /** The answer to a PUT of the catalogue facts: the facts the service carries now. */
    record CatalogueAnswer(ServiceId serviceId, @Schema(types = {"integer", "null"}) Integer ozgId,
                           @Schema(types = {"string", "null"}) String ozgName,
                           @Schema(types = {"string", "null"}) String leikaName,
                           @Schema(types = {"integer", "null"}) Integer typisierung, boolean evaluated) {

        static CatalogueAnswer of(ServiceId serviceId, CatalogueFacts facts) {
            return new CatalogueAnswer(serviceId, facts.ozgId(), facts.ozgName(), facts.leikaName(),
                    facts.typisierung(), facts.evaluated());
        }
    }

    @Schema(example = """
            {"version": "1.0.0", "maturityLevel": 5, "maturityModel": "OZG-2.0", "releasedOn": "2024-03-01",
             "url": "https://wohngeld.example.de"}""")
    record PublishVersionRequest(@NotNull ServiceVersion version,
                                 @NotNull MaturityLevel maturityLevel,
                                 @Schema(description = "The model the level belongs to: OZG-1.0 (levels 0–4, the default) or "
                                         + "OZG-2.0 (levels 0–7)") MaturityModel maturityModel,
                                 @NotNull LocalDate releasedOn,
                                 @Size(max = 2000) @PlainText @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {
    }

    @Schema(example = """
            {"sunsetOn": "2025-12-31", "successor": "2.0.0"}""")
    record DeprecationRequest(@NotNull LocalDate sunsetOn, ServiceVersion successor) {
    }

    @Schema(example = """
            {"retiredOn": "2026-01-31", "successor": "2.0.0"}""")
    record RetirementRequest(@NotNull LocalDate retiredOn, ServiceVersion successor) {
    }

    @Schema(example = """
            {"status": "nicht ok", "detail": "Antragsseite antwortet mit HTTP 503 (Wartung)"}""")
    record OnlineStatusRequest(@NotNull @Schema(allowableValues = {"ok", "nicht ok"}) OnlineStatus status,
                               @Size(max = 500) @PlainText String detail) {
    }

    /** The answer to a recorded online status: the version's status now, and whether this request changed it. */
    @Schema(example = """
            {"serviceId": "0b7d5e4a-3c1f-4a8e-9d2b-1f6e8c7a5b40", "version": "1.0.0", "onlineStatus": "nicht ok",
             "checkedAt": "2026-12-07T10:15:00Z", "checkedBy": "owner", "detail": "Antragsseite antwortet mit HTTP 503 (Wartung)",
             "recorded": true}""")
    record OnlineStatusAnswer(ServiceId serviceId, ServiceVersion version,
                              @Schema(allowableValues = {"ok", "nicht ok"}) OnlineStatus onlineStatus,
                              Instant checkedAt, String checkedBy, String detail,
                              @Schema(description = "false: the version already had this status, nothing was recorded")
                              boolean recorded) {
    }

    /** The answer to a registration: the id under which the service is known from now on. */
    record ServiceRegistered(ServiceId serviceId) {
    }

    /** The answer to a change of a version: which version, and the status it has now. */
    record VersionAnswer(ServiceId serviceId, ServiceVersion version, VersionStatus status) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    @Operation(operationId = "registerService", summary = "Register an online service",
            description = "Registers a service that the caller's state provides (OWNER of providingState, or ADMIN). "
                    + "One state provides at most one service per LeiKa key: a second one is a 409. reuse EFA lets "
                    + "municipalities of other states adopt it where a cooperation allows (see Cooperations).")
    ResponseEntity<ServiceRegistered> register(@Valid @RequestBody RegisterServiceRequest request) {
        RegistryUser.current().requireMayActFor(request.providingState());
        ServiceId serviceId = ServiceId.random();
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new RegisterService(serviceId, request.leikaKey(), request.name().strip(),
                    request.providingState(), request.reuse(), blankToNull(request.topic()),
                    blankToNull(request.description()), request.catalogue()));
            return new ServiceRegistered(serviceId);
        });
    }

    @PutMapping(path = "/{serviceId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "recordCatalogueFacts", summary = "Record what the catalogues say about a service",
            description = "Replaces the service's catalogue facts as a whole (OWNER of the providing state, or ADMIN): "
                    + "OZG-ID and name, LeiKa name, typisation 1–10, and whether the Dashboard Digitale Verwaltung "
                    + "counts it. A fact left out is no longer known; the same facts again record nothing. The "
                    + "registration's other facts (LeiKa key, name, providing state, reuse) do not change.")
    ResponseEntity<CatalogueAnswer> recordCatalogueFacts(@PathVariable ServiceId serviceId,
                                                         @Valid @RequestBody CatalogueRequest request) {
        ownedService(serviceId);
        CatalogueFacts facts = request.facts();
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new RecordCatalogueFacts(serviceId, facts));
            return CatalogueAnswer.of(serviceId, facts);
        });
    }

    @PostMapping(path = "/{serviceId}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // the status CommandResponses answers with, named for the API document
    @Operation(operationId = "publishVersion", summary = "Publish a version of a service",
            description = "Publishes a version (MAJOR.MINOR.PATCH) that is ACTIVE from then on and may be adopted from "
                    + "releasedOn. It must be higher than every version published before (422), and new (409). Its "
                    + "maturity is a level of the model it names: OZG-1.0 (0–4, when none is named) or OZG-2.0 (0–7).")
    ResponseEntity<VersionAnswer> publish(@PathVariable ServiceId serviceId, @Valid @RequestBody PublishVersionRequest request) {
        ownedService(serviceId);
        return responses.execute(HttpStatus.CREATED, commands -> {
            commands.send(new PublishVersion(serviceId, request.version(), request.maturityLevel(),
                    request.maturityModel(), request.releasedOn(), blankToNull(request.url())));
            return new VersionAnswer(serviceId, request.version(), VersionStatus.ACTIVE);
        });
    }

    @PostMapping(path = "/{serviceId}/versions/{version}/deprecation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "deprecateVersion", summary = "Deprecate a version",
            description = "Announces the end of an ACTIVE version on sunsetOn, optionally naming its successor. "
                    + "Existing adoptions stay; new adoptions of a deprecated version are refused (422).")
    ResponseEntity<VersionAnswer> deprecate(@PathVariable ServiceId serviceId, @PathVariable ServiceVersion version,
                                                  @Valid @RequestBody DeprecationRequest request) {
        ownedService(serviceId);
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new DeprecateVersion(serviceId, version, request.sunsetOn(), request.successor()));
            return new VersionAnswer(serviceId, version, VersionStatus.DEPRECATED);
        });
    }

    @PostMapping(path = "/{serviceId}/versions/{version}/retirement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "retireVersion", summary = "Retire a version and move its adoptions",
            description = "Ends a version on retiredOn. Its ACTIVE adoptions move to successor (a higher ACTIVE "
                    + "version, else 422) or, without one, become UNSUPPORTED. The answer's Registry-Position covers "
                    + "the moves when they finish within ten seconds; they finish anyway when they take longer.")
    ResponseEntity<VersionAnswer> retire(@PathVariable ServiceId serviceId, @PathVariable ServiceVersion version,
                                               @Valid @RequestBody RetirementRequest request) {
        ownedService(serviceId);
        return responses.execute(HttpStatus.OK, commands -> {
            commands.send(new RetireVersion(serviceId, version, request.retiredOn(), request.successor()));
            // the answer's Registry-Position covers the adoptions the retirement moves, when that takes a moment
            if (retirementMoves.awaitMoved(serviceId, version, MOVES_PATIENCE)) {
                commands.coverEverythingStored();
            }
            return new VersionAnswer(serviceId, version, VersionStatus.RETIRED);
        });
    }

    @PostMapping(path = "/{serviceId}/versions/{version}/online-status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // when the status changed; an unchanged one is a 200
    @Operation(operationId = "recordOnlineStatus", summary = "Record whether a version's URL answers",
            description = "Records the online status (ok / nicht ok) of a published, not retired version, as the link "
                    + "checker does (OWNER of the providing state, or ADMIN). Only a change is recorded (201, "
                    + "recorded true); the status the version already has is answered with 200 and recorded false. "
                    + "A retired version is a 422, an unknown one a 404.")
    ResponseEntity<OnlineStatusAnswer> recordOnlineStatus(@PathVariable ServiceId serviceId, @PathVariable ServiceVersion version,
                                                          @Valid @RequestBody OnlineStatusRequest request) {
        ownedService(serviceId);
        Instant checkedAt = clock.instant();
        String detail = blankToNull(request.detail());
        ResponseEntity<OnlineStatusAnswer> answer = responses.execute(HttpStatus.OK, commands -> {
            boolean recorded = commands.send(new RecordOnlineStatus(serviceId, version, request.status(), checkedAt,
                    CHECKED_BY_OWNER, detail));
            return new OnlineStatusAnswer(serviceId, version, request.status(), checkedAt, CHECKED_BY_OWNER, detail, recorded);
        });
        return ResponseEntity.status(answer.getBody().recorded() ? HttpStatus.CREATED : HttpStatus.OK)
                .headers(answer.getHeaders()).body(answer.getBody());
    }

    /** 404 before 403: an owner learns that a service exists, which the public register shows anyway. */
    private ServiceFacts ownedService(ServiceId serviceId) {
        ServiceFacts service = lookup.service(serviceId).orElseThrow(() -> RegistryProblem.notFound("Service", serviceId));
        RegistryUser.current().requireMayActFor(service.providingState());
        return service;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
