package de.efa.registry.command.retirement;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The retirement process's memory in MongoDB: one document per retired version, one per adoption it saw. */
@Component
class MongoRetirementLedger implements RetirementLedger {

    private static final String MOVED = "moved";

    private final MongoCollection<Document> retiredVersions;
    private final MongoCollection<Document> adoptions;
    private final String batchResource = MongoRetirementLedger.class.getName() + "@" + System.identityHashCode(this);

    MongoRetirementLedger(MongoDatabase registryDatabase) {
        this.retiredVersions = registryDatabase.getCollection("write_retirement_versions");
        this.adoptions = registryDatabase.getCollection("write_retirement_adoptions");
    }

    @Override
    public void retired(ServiceId serviceId, ServiceVersion version, LocalDate retiredOn, ServiceVersion successor) {
        retiredVersions.replaceOne(new Document("_id", key(serviceId, version)),
                new Document("_id", key(serviceId, version)).append("retiredOn", retiredOn.toString())
                        .append("successor", successor == null ? null : successor.toString()),
                new ReplaceOptions().upsert(true));
        retirementsOfThisBatch().put(key(serviceId, version), new Retirement(retiredOn, successor));
    }

    @Override
    public void moved(ServiceId serviceId, ServiceVersion version) {
        retiredVersions.updateOne(new Document("_id", key(serviceId, version)),
                new Document("$set", new Document(MOVED, true)));
    }

    /** An index lookup by {@code _id}. */
    @Override
    public boolean hasMoved(ServiceId serviceId, ServiceVersion version) {
        return retiredVersions.find(new Document("_id", key(serviceId, version)).append(MOVED, true)).first() != null;
    }

    @Override
    public Optional<Retirement> retirementOf(ServiceId serviceId, ServiceVersion version) {
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

    @Override
    public void runsOn(AdoptionId adoptionId, Ags ags, ServiceId serviceId, ServiceVersion version) {
        adoptions.replaceOne(new Document("_id", adoptionId.value()),
                new Document("_id", adoptionId.value()).append("ags", ags.value()).append("serviceId", serviceId.value())
                        .append("version", version.toString()).append("active", true),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public void stopped(AdoptionId adoptionId) {
        adoptions.updateOne(new Document("_id", adoptionId.value()), new Document("$set", new Document("active", false)));
    }

    /** A scan, not an index lookup: retirements are rare, and this collection holds one small document per adoption. */
    @Override
    public List<RunningAdoption> activeOn(ServiceId serviceId, ServiceVersion version) {
        List<RunningAdoption> running = new ArrayList<>();
        adoptions.find(new Document("serviceId", serviceId.value()).append("version", version.toString()).append("active", true))
                .forEach(d -> running.add(new RunningAdoption(AdoptionId.of(d.getString("_id")), Ags.of(d.getString("ags")))));
        return running;
    }

    private static String key(ServiceId serviceId, ServiceVersion version) {
        return serviceId.value() + "/" + version;
    }
}
