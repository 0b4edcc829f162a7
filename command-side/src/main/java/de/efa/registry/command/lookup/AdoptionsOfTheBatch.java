package de.efa.registry.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For the repair processor: the sequence each adoption document of the current batch already holds, read with one
 * {@code $in} per batch instead of one read per event. Almost every event it meets was applied by the live handler a
 * moment before, so most of its reads only find "already there". A document's sequence only ever rises, so a
 * sequence read at the start of the batch that is at or above an event's proves the event applied; anything else
 * goes the usual way ({@link VersionedDocuments#apply}, which reads afresh).
 */
final class AdoptionsOfTheBatch {

    private static final int CHUNK = 128;

    private final MongoCollection<Document> adoptions;
    private final String resource = AdoptionsOfTheBatch.class.getName() + "@" + Integer.toHexString(System.identityHashCode(this));

    AdoptionsOfTheBatch(MongoCollection<Document> adoptions) {
        this.adoptions = adoptions;
    }

    boolean alreadyApplied(String adoptionId, long seq) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return false;
        }
        Map<String, Long> applied = batch.getOrComputeResource(resource, k -> appliedSequences(batch));
        Long held = applied.get(adoptionId);
        return held != null && held >= seq;
    }

    private Map<String, Long> appliedSequences(UnitOfWork<?> unitOfWork) {
        Set<String> ids = new LinkedHashSet<>();
        for (Message<?> message : ((BatchingUnitOfWork<?>) unitOfWork).getMessages()) {
            Class<?> type = message.getPayloadType();
            if (type == AdoptionStarted.class) {
                ids.add(((AdoptionStarted) message.getPayload()).adoptionId().value());
            } else if (type == AdoptionVersionSwitched.class) {
                ids.add(((AdoptionVersionSwitched) message.getPayload()).adoptionId().value());
            } else if (type == AdoptionMarkedUnsupported.class) {
                ids.add(((AdoptionMarkedUnsupported) message.getPayload()).adoptionId().value());
            } else if (type == AdoptionEnded.class) {
                ids.add(((AdoptionEnded) message.getPayload()).adoptionId().value());
            }
        }
        Map<String, Long> applied = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        // in chunks: the embedded server checks each returned document against the whole $in list
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            adoptions.find(new Document("_id", new Document("$in", chunk)))
                    .projection(Projections.include(VersionedDocuments.SEQ))
                    .forEach(d -> applied.put(d.getString("_id"), d.get(VersionedDocuments.SEQ, Number.class).longValue()));
        }
        return applied;
    }
}
