package de.efa.registry.query.reuse;

import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.reuse.AgreementProposed;
import de.efa.registry.kernel.reuse.AgreementSigned;
import de.efa.registry.kernel.reuse.AgreementStatus;
import de.efa.registry.kernel.reuse.AgreementTerminated;
import de.efa.registry.kernel.reuse.InterestDeclared;
import de.efa.registry.kernel.reuse.OfferId;
import de.efa.registry.kernel.reuse.ServiceOffered;
import de.efa.registry.query.projection.DerivedWrites;
import de.efa.registry.query.projection.DocumentProjection;
import de.efa.registry.query.projection.StateKey;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Offers with the states interested in them, and reuse agreements, one document each. Small collections (a few
 * hundred services, sixteen states): readers filter them in memory, nothing is derived.
 */
@Component
public class ReuseProjection extends DocumentProjection {

    public static final String NAME = "reuse";
    static final String OFFERS = "offers";
    static final String AGREEMENTS = "agreements";

    public ReuseProjection() {
        on(ServiceOffered.class, e -> offer(e.offerId()), this::offered);
        on(InterestDeclared.class, e -> offer(e.offerId()), this::interestDeclared);
        on(AgreementProposed.class, e -> agreement(e.agreementId()), this::proposed);
        on(AgreementSigned.class, e -> agreement(e.agreementId()), this::signed);
        on(AgreementTerminated.class, e -> agreement(e.agreementId()), this::terminated);
    }

    @Override
    public String name() {
        return NAME;
    }

    private static StateKey offer(OfferId offerId) {
        return new StateKey(OFFERS, offerId.value());
    }

    private static StateKey agreement(AgreementId agreementId) {
        return new StateKey(AGREEMENTS, agreementId.value());
    }

    private void offered(ServiceOffered e, Document state, long position) {
        state.append("offerId", e.offerId().value()).append("serviceId", e.serviceId().value())
                .append("providingState", e.providingState().value()).append("terms", e.terms())
                .append("costModel", e.costModel().name()).append("validFrom", e.validFrom().toString());
        interests(state);
    }

    private void interestDeclared(InterestDeclared e, Document state, long position) {
        List<Document> interests = interests(state);
        interests.removeIf(i -> e.state().value().equals(i.getString("state")));
        interests.add(new Document("state", e.state().value()).append("declaredOn", e.declaredOn().toString()));
    }

    private void proposed(AgreementProposed e, Document state, long position) {
        state.append("agreementId", e.agreementId().value()).append("serviceId", e.serviceId().value())
                .append("providingState", e.providingState().value()).append("adoptingState", e.adoptingState().value())
                .append("legalBasis", e.legalBasis().name()).append("reference", e.reference())
                .append("validFrom", e.validFrom().toString()).append("validTo", string(e.validTo()))
                .append("proposedBy", e.proposedBy().value()).append("proposedOn", string(e.proposedOn()))
                .append("status", AgreementStatus.PROPOSED.name()).append("signedBy", null).append("signedOn", null)
                .append("endsOn", null).append("terminatedBy", null);
    }

    private void signed(AgreementSigned e, Document state, long position) {
        state.append("status", AgreementStatus.SIGNED.name()).append("signedBy", e.signedBy().value())
                .append("signedOn", e.signedOn().toString());
    }

    private void terminated(AgreementTerminated e, Document state, long position) {
        state.append("status", AgreementStatus.TERMINATED.name()).append("endsOn", e.endsOn().toString())
                .append("terminatedBy", e.terminatedBy().value());
    }

    @SuppressWarnings("unchecked")
    private static List<Document> interests(Document state) {
        Object interests = state.get("interests");
        if (interests == null) {
            interests = new ArrayList<Document>();
            state.put("interests", interests);
        }
        return (List<Document>) interests;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    protected void derive(StateKey key, Document before, Document after, long position, DerivedWrites writes) {
        // nothing is derived: readers take the documents themselves
    }
}
