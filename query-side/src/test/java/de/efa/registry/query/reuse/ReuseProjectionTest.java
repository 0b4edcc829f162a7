package de.efa.registry.query.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.reuse.AgreementProposed;
import de.efa.registry.kernel.reuse.AgreementSigned;
import de.efa.registry.kernel.reuse.AgreementTerminated;
import de.efa.registry.kernel.reuse.CostModel;
import de.efa.registry.kernel.reuse.InterestDeclared;
import de.efa.registry.kernel.reuse.LegalBasis;
import de.efa.registry.kernel.reuse.OfferId;
import de.efa.registry.kernel.reuse.ServiceOffered;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.query.projection.InMemoryDocuments;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reuse projection's handlers on plain events, its documents in memory: an offer with its interests, an agreement's life. */
class ReuseProjectionTest {

    private static final StateCode SAXONY = StateCode.of("14");
    private static final StateCode THURINGIA = StateCode.of("16");

    private final ReuseProjection projection = new ReuseProjection();
    private final InMemoryDocuments documents = new InMemoryDocuments();
    private final ServiceId service = ServiceId.random();

    @Test
    void anOfferKeepsEachInterestedStateOnceWithItsLatestDeclaration() {
        OfferId offer = OfferId.random();
        documents.feed(projection, new ServiceOffered(offer, service, SAXONY, "FIT-Store", CostModel.COST_SHARING,
                        LocalDate.of(2023, 1, 1)),
                new InterestDeclared(offer, service, THURINGIA, LocalDate.of(2023, 3, 1)),
                new InterestDeclared(offer, service, StateCode.of("09"), LocalDate.of(2023, 4, 1)),
                new InterestDeclared(offer, service, THURINGIA, LocalDate.of(2023, 5, 1)));

        Document stored = documents.get(ReuseProjection.OFFERS, offer.value());
        assertThat(stored).containsEntry("serviceId", service.value()).containsEntry("providingState", "14")
                .containsEntry("terms", "FIT-Store").containsEntry("costModel", "COST_SHARING")
                .containsEntry("validFrom", "2023-01-01");
        assertThat(stored.getList("interests", Document.class)).containsExactly(
                new Document("state", "09").append("declaredOn", "2023-04-01"),
                new Document("state", "16").append("declaredOn", "2023-05-01"));
    }

    @Test
    void anAgreementIsProposedSignedAndTerminated() {
        AgreementId agreement = AgreementId.random();
        documents.feed(projection, new AgreementProposed(agreement, service, SAXONY, THURINGIA, LegalBasis.FIT_STORE,
                "FIT-Store 2024-017", LocalDate.of(2024, 1, 1), null, THURINGIA, LocalDate.of(2023, 12, 1)));

        Document proposed = documents.get(ReuseProjection.AGREEMENTS, agreement.value());
        assertThat(proposed).containsEntry("status", "PROPOSED").containsEntry("providingState", "14")
                .containsEntry("adoptingState", "16").containsEntry("legalBasis", "FIT_STORE")
                .containsEntry("reference", "FIT-Store 2024-017").containsEntry("validFrom", "2024-01-01")
                .containsEntry("validTo", null).containsEntry("proposedBy", "16").containsEntry("proposedOn", "2023-12-01")
                .containsEntry("signedBy", null).containsEntry("endsOn", null);

        documents.feed(projection, new AgreementSigned(agreement, SAXONY, LocalDate.of(2023, 12, 20)));
        assertThat(documents.get(ReuseProjection.AGREEMENTS, agreement.value())).containsEntry("status", "SIGNED")
                .containsEntry("signedBy", "14").containsEntry("signedOn", "2023-12-20");

        documents.feed(projection, new AgreementTerminated(agreement, service, SAXONY, THURINGIA, THURINGIA,
                LocalDate.of(2026, 6, 30)));
        assertThat(documents.get(ReuseProjection.AGREEMENTS, agreement.value())).containsEntry("status", "TERMINATED")
                .containsEntry("endsOn", "2026-06-30").containsEntry("terminatedBy", "16")
                .containsEntry("signedBy", "14");
        assertThat(documents.ids(ReuseProjection.OFFERS)).isEqualTo(List.of());
    }
}
