package de.efa.registry.command.lookup;

import de.efa.registry.kernel.common.Conflict;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.UpdateOptions;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ServiceId;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Claims in {@code write_service_claims}, {@code _id = state/leika}. A claim whose registration died with its process
 * (neither confirmed nor followed by any event of its service after {@link #ABANDONED_AFTER}) may be taken over; the
 * takeover deletes by {@code (_id, serviceId)} so two takers cannot both win.
 */
@Component
class MongoLeikaKeyClaims implements LeikaKeyClaims {

    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final WriteLookupCollections collections;
    private final MongoEventStorageEngine eventStore;
    private final Clock clock = Clock.systemUTC();

    MongoLeikaKeyClaims(WriteLookupCollections collections, MongoEventStorageEngine eventStore) {
        this.collections = collections;
        this.eventStore = eventStore;
    }

    @Override
    public void claim(StateCode state, LeikaKey leikaKey, ServiceId serviceId) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                collections.serviceClaims().insertOne(new Document("_id", key(state, leikaKey))
                        .append("serviceId", serviceId.value()).append("confirmed", false)
                        .append("claimedAt", Date.from(clock.instant())));
                return;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document holder = collections.serviceClaims().find(new Document("_id", key(state, leikaKey))).first();
            if (holder == null) {
                continue;
            }
            if (!abandoned(holder)) {
                throw new Conflict("State " + state + " already provides a service for LeiKa key " + leikaKey
                        + " (service " + holder.getString("serviceId") + ")");
            }
            collections.serviceClaims().deleteOne(new Document("_id", key(state, leikaKey)).append("serviceId", holder.getString("serviceId")));
        }
        throw new Conflict("State " + state + " is registering a service for LeiKa key " + leikaKey + " right now");
    }

    private boolean abandoned(Document claim) {
        if (claim.getBoolean("confirmed", false)) {
            return false;
        }
        Date claimedAt = claim.getDate("claimedAt");
        boolean old = claimedAt == null || claimedAt.toInstant().plus(ABANDONED_AFTER).isBefore(Instant.now(clock));
        return old && eventStore.lastSequenceNumberFor(claim.getString("serviceId")).isEmpty();
    }

    @Override
    public void release(StateCode state, LeikaKey leikaKey, ServiceId serviceId) {
        collections.serviceClaims().deleteOne(new Document("_id", key(state, leikaKey)).append("serviceId", serviceId.value()));
    }

    @Override
    public void confirm(StateCode state, LeikaKey leikaKey, ServiceId serviceId) {
        // the repair processor may meet a registration whose claim was lost: the stored event wins, a claim is recreated
        collections.serviceClaims().updateOne(new Document("_id", key(state, leikaKey)),
                new Document("$setOnInsert", new Document("serviceId", serviceId.value()).append("claimedAt", Date.from(clock.instant())))
                        .append("$set", new Document("confirmed", true)),
                new UpdateOptions().upsert(true));
    }

    static String key(StateCode state, LeikaKey leikaKey) {
        return state.value() + "/" + leikaKey.value();
    }
}
