package de.efa.registry.query.reuse;

import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.projection.ProjectionStore;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The offers and agreements in the version of the reuse projection that readers are served from. */
public record ReuseRecords(ProjectionStore store) {

    public static ReuseRecords active(ActiveVersions versions) {
        return new ReuseRecords(versions.active(ReuseProjection.NAME));
    }

    public Optional<Offer> offer(String offerId) {
        Document stored = store.collection(ReuseProjection.OFFERS).find(new Document("_id", offerId)).first();
        return stored == null || stored.getString("offerId") == null ? Optional.empty() : Optional.of(Offer.of(stored));
    }

    public List<Offer> offersOf(String serviceId) {
        List<Offer> offers = new ArrayList<>();
        for (Document stored : store.collection(ReuseProjection.OFFERS).find(new Document("serviceId", serviceId))) {
            offers.add(Offer.of(stored));
        }
        return offers;
    }

    /** Every offer, in no particular order (a few hundred at most). */
    public List<Offer> offers() {
        List<Offer> all = new ArrayList<>();
        for (Document stored : store.collection(ReuseProjection.OFFERS).find()) {
            if (stored.getString("offerId") != null) {
                all.add(Offer.of(stored));
            }
        }
        return all;
    }

    public Optional<Agreement> agreement(String agreementId) {
        Document stored = store.collection(ReuseProjection.AGREEMENTS).find(new Document("_id", agreementId)).first();
        return stored == null || stored.getString("agreementId") == null ? Optional.empty()
                : Optional.of(Agreement.of(stored));
    }

    public List<Agreement> agreements() {
        List<Agreement> all = new ArrayList<>();
        for (Document stored : store.collection(ReuseProjection.AGREEMENTS).find()) {
            if (stored.getString("agreementId") != null) {
                all.add(Agreement.of(stored));
            }
        }
        return all;
    }
}
