package de.efa.registry.command.reuse;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.reuse.AgreementId;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The agreement-end process's memory in two collections of the registry's database. */
@Component
class MongoAgreementLedger implements AgreementLedger {

    private static final String DONE = "done";

    private final MongoCollection<Document> endings;
    private final MongoCollection<Document> adoptions;

    MongoAgreementLedger(MongoDatabase registryDatabase) {
        this.endings = registryDatabase.getCollection("write_agreement_endings");
        this.adoptions = registryDatabase.getCollection("write_agreement_adoptions");
    }

    @Override
    public void ended(AgreementId agreementId, LocalDate endsOn, StateCode providingState, StateCode adoptingState) {
        endings.replaceOne(new Document("_id", agreementId.value()), new Document("_id", agreementId.value())
                        .append("endsOn", endsOn.toString()).append("providingState", providingState.value())
                        .append("adoptingState", adoptingState.value()),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<Ending> endingOf(AgreementId agreementId) {
        Document d = endings.find(new Document("_id", agreementId.value())).first();
        return d == null ? Optional.empty() : Optional.of(new Ending(LocalDate.parse(d.getString("endsOn")),
                StateCode.of(d.getString("providingState")), StateCode.of(d.getString("adoptingState"))));
    }

    @Override
    public void done(AgreementId agreementId) {
        endings.updateOne(new Document("_id", agreementId.value()), new Document("$set", new Document(DONE, true)));
    }

    @Override
    public boolean isDone(AgreementId agreementId) {
        return endings.find(new Document("_id", agreementId.value()).append(DONE, true)).first() != null;
    }

    @Override
    public void restsOn(AdoptionId adoptionId, Ags ags, AgreementId agreementId) {
        adoptions.replaceOne(new Document("_id", adoptionId.value()), new Document("_id", adoptionId.value())
                        .append("ags", ags.value()).append("agreementId", agreementId.value()).append("running", true),
                new ReplaceOptions().upsert(true));
    }

    /** Only adoptions that rest on an agreement are in the ledger: an update of any other matches nothing. */
    @Override
    public void stopped(AdoptionId adoptionId) {
        adoptions.updateOne(new Document("_id", adoptionId.value()), new Document("$set", new Document("running", false)));
    }

    /** A scan, not an index lookup: terminations are rare, and the collection holds only adoptions under agreements. */
    @Override
    public List<RestingAdoption> runningOn(AgreementId agreementId) {
        List<RestingAdoption> running = new ArrayList<>();
        adoptions.find(new Document("agreementId", agreementId.value()).append("running", true))
                .forEach(d -> running.add(new RestingAdoption(AdoptionId.of(d.getString("_id")), Ags.of(d.getString("ags")))));
        return running;
    }
}
