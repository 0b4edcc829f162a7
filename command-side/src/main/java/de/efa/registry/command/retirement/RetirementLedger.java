package de.efa.registry.command.retirement;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The retirement process's own memory, built only from the events it has processed, in stream order: which versions
 * are retired and which adoptions run on which version. Because both facts come from the same ordered stream,
 * whichever of "adoption onto v" and "v retired" comes second finds the other — no race with the live lookup.
 */
@Component
class RetirementLedger {

    private final MongoCollection<Document> retiredVersions;
    private final MongoCollection<Document> adoptions;
    private final String batchResource = RetirementLedger.class.getName() + "@" + System.identityHashCode(this);
    private final String pendingResource = batchResource + "/adoptions";

    RetirementLedger(MongoDatabase registryDatabase) {
        this.retiredVersions = registryDatabase.getCollection("write_retirement_versions");
        this.adoptions = registryDatabase.getCollection("write_retirement_adoptions");
    }

    record Retirement(LocalDate retiredOn, ServiceVersion successor) {
    }

    record RunningAdoption(AdoptionId adoptionId, Ags ags) {
    }

    void retired(ServiceId serviceId, ServiceVersion version, LocalDate retiredOn, ServiceVersion successor) {
        retiredVersions.replaceOne(new Document("_id", key(serviceId, version)),
                new Document("_id", key(serviceId, version)).append("retiredOn", retiredOn.toString())
                        .append("successor", successor == null ? null : successor.toString()),
                new ReplaceOptions().upsert(true));
        retirementsOfThisBatch().put(key(serviceId, version), new Retirement(retiredOn, successor));
    }

    Optional<Retirement> retirementOf(ServiceId serviceId, ServiceVersion version) {
        return Optional.ofNullable(retirementsOfThisBatch().get(key(serviceId, version)));
    }

    /**
     * Every adoption event asks whether its version is retired; retirements are rare, so they are read once per
     * batch (the processor's unit of work) instead of once per event. Only this process writes them, and only the
     * instance holding its token processes a batch: what earlier batches wrote, in any instance, was stored before
     * their token moved on, and what this batch retires is added as it goes.
     */
    private Map<String, Retirement> retirementsOfThisBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return allRetirements();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(batchResource, k -> allRetirements());
    }

    private Map<String, Retirement> allRetirements() {
        Map<String, Retirement> all = new HashMap<>();
        for (Document r : retiredVersions.find()) {
            all.put(r.getString("_id"), new Retirement(LocalDate.parse(r.getString("retiredOn")),
                    r.getString("successor") == null ? null : ServiceVersion.parse(r.getString("successor"))));
        }
        return all;
    }

    void runsOn(AdoptionId adoptionId, Ags ags, ServiceId serviceId, ServiceVersion version) {
        // every field of the document set, so the same as a replacement — but of the same kind as stopped()'s
        // update: the driver sends an ordered bulk write as one command per run of equal kinds
        write(new UpdateOneModel<>(new Document("_id", adoptionId.value()), new Document("$set",
                new Document("ags", ags.value()).append("serviceId", serviceId.value())
                        .append("version", version.toString()).append("active", true)),
                new UpdateOptions().upsert(true)));
    }

    void stopped(AdoptionId adoptionId) {
        write(new UpdateOneModel<>(new Document("_id", adoptionId.value()), new Document("$set", new Document("active", false))));
    }

    /**
     * Nearly every event of the process changes one adoption here; one write per event was a round trip per adoption.
     * Within a batch of the processor the changes are kept and written in order with one bulk write: when the batch's
     * last event has been handled (the processor stores its token only after that, in the commit), before a read of
     * this collection, and at the latest when the batch commits. A batch that fails writes its token never, so its
     * events come again and their (repeatable) changes are written then.
     */
    private void write(WriteModel<Document> change) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
            adoptions.bulkWrite(List.of(change));
            return;
        }
        List<WriteModel<Document>> pending = batch.getOrComputeResource(pendingResource, k -> {
            // registered at the first change: before the token's own commit step, which is registered only when
            // the batch's last event arrives (and by then this batch's changes are written anyway, see below)
            batch.onPrepareCommit(committing -> flush(committing.root()));
            return new ArrayList<>();
        });
        pending.add(change);
        if (batch.isLastMessage()) {
            flush(batch);
        }
    }

    private void flush(UnitOfWork<?> batch) {
        List<WriteModel<Document>> pending = batch.getResource(pendingResource);
        if (pending != null && !pending.isEmpty()) {
            adoptions.bulkWrite(new ArrayList<>(pending), new BulkWriteOptions().ordered(true));
            pending.clear();
        }
    }

    /** A scan, not an index lookup: retirements are rare, and this collection holds one small document per adoption. */
    List<RunningAdoption> activeOn(ServiceId serviceId, ServiceVersion version) {
        if (CurrentUnitOfWork.isStarted()) {
            flush(CurrentUnitOfWork.get().root());
        }
        List<RunningAdoption> running = new ArrayList<>();
        adoptions.find(new Document("serviceId", serviceId.value()).append("version", version.toString()).append("active", true))
                .forEach(d -> running.add(new RunningAdoption(AdoptionId.of(d.getString("_id")), Ags.of(d.getString("ags")))));
        return running;
    }

    private static String key(ServiceId serviceId, ServiceVersion version) {
        return serviceId.value() + "/" + version;
    }
}
