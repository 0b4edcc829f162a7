package de.efa.registry.query.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.reuse.AgreementStatus;
import de.efa.registry.kernel.reuse.OfferId;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.platform.web.ApiTags;
import de.efa.registry.platform.web.RegistryProblem;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.web.Page;
import de.efa.registry.query.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

/** Offers, interests and agreements as recorded, for everyone signed in. */
@RestController
@Tag(name = ApiTags.REUSE)
class ReuseQueryController {

    private final ActiveVersions versions;

    ReuseQueryController(ActiveVersions versions) {
        this.versions = versions;
    }

    @GetMapping(path = "/api/v1/services/{serviceId}/offers", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listOffersOfService", summary = "The offers of a service with the states interested",
            description = "Every offer of the service for reuse, oldest start first, each with the states that "
                    + "declared interest and when. An unknown service has none.")
    List<Offer> offersOf(@PathVariable ServiceId serviceId) {
        return ReuseRecords.active(versions).offersOf(serviceId.value()).stream()
                .sorted(Comparator.comparing(Offer::validFrom).thenComparing(Offer::offerId)).toList();
    }

    @GetMapping(path = "/api/v1/offers/{offerId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getOffer", summary = "An offer with the states interested",
            description = "The offer's terms, cost model and start, and every state that declared interest.")
    Offer offer(@PathVariable OfferId offerId) {
        return ReuseRecords.active(versions).offer(offerId.value())
                .orElseThrow(() -> RegistryProblem.notFound("Offer", offerId));
    }

    @GetMapping(path = "/api/v1/agreements/{agreementId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAgreement", summary = "A reuse agreement",
            description = "Its parties, legal basis and reference, the days it is valid, and where it stands: "
                    + "PROPOSED, SIGNED or TERMINATED (valid until the day before endsOn).")
    Agreement agreement(@PathVariable AgreementId agreementId) {
        return ReuseRecords.active(versions).agreement(agreementId.value())
                .orElseThrow(() -> RegistryProblem.notFound("Agreement", agreementId));
    }

    @GetMapping(path = "/api/v1/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listAgreements", summary = "Reuse agreements",
            description = "Agreements of one service (serviceId), of one state on either side (state) and in one "
                    + "status; paged, newest start first.")
    Page<Agreement> agreements(@RequestParam(required = false) ServiceId serviceId,
                               @RequestParam(required = false) StateCode state,
                               @RequestParam(required = false) AgreementStatus status,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<Agreement> matching = ReuseRecords.active(versions).agreements().stream()
                .filter(a -> serviceId == null || serviceId.value().equals(a.serviceId()))
                .filter(a -> state == null || a.concerns(state.value()))
                .filter(a -> status == null || status.name().equals(a.status()))
                .sorted(Comparator.comparing(Agreement::validFrom).reversed().thenComparing(Agreement::agreementId))
                .toList();
        return request.cut(matching, a -> a);
    }
}
