package de.efa.registry.command.lookup;

import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.authority.AuthorityChanged;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.authority.AuthorityRegistered;
import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.reuse.AgreementProposed;
import de.efa.registry.kernel.reuse.AgreementSigned;
import de.efa.registry.kernel.reuse.AgreementTerminated;
import de.efa.registry.kernel.cooperation.StateJoinedCooperation;
import de.efa.registry.kernel.cooperation.StateLeftCooperation;
import de.efa.registry.kernel.municipality.MunicipalityChanged;
import de.efa.registry.kernel.municipality.MunicipalityDissolved;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.region.RegionChanged;
import de.efa.registry.kernel.region.RegionDissolved;
import de.efa.registry.kernel.region.RegionRecorded;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.service.VersionRetired;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;

import java.util.function.Supplier;

/**
 * Keeps the write-side lookup in step with the events. Every handler is idempotent and order-safe
 * ({@link VersionedDocuments}), so two processors run them: {@link LiveWriteLookup} in the command's unit of work,
 * and {@link WriteLookupRepair} behind it over the stored stream to heal what a crash between append and lookup
 * write lost.
 */
public abstract class WriteLookupUpdater {

    private final WriteLookupCollections collections;
    private final LeikaKeyClaims claims;
    private final FactChanges factChanges;
    private final AdoptionsOfTheBatch adoptionsOfTheBatch;

    protected WriteLookupUpdater(WriteLookupCollections collections, LeikaKeyClaims claims) {
        this.collections = collections;
        this.claims = claims;
        this.factChanges = new FactChanges(collections);
        this.adoptionsOfTheBatch = new AdoptionsOfTheBatch(collections.adoptions());
    }

    /**
     * True for the handler in the command's unit of work: an event that creates a document under a new id meets no
     * document yet, so it inserts at once. The repair processor mostly meets documents the live handler already
     * wrote, where reading first is the cheaper way to find out.
     */
    protected abstract boolean seesEventsAsTheyAreMade();

    // ------------------------------------------------------------------ municipalities

    @EventHandler
    void on(MunicipalityRecorded e, @SequenceNumber long seq) {
        VersionedDocuments.apply(collections.municipalities(), e.ags().value(), seq, current -> municipality(
                e.ars().value(), e.name(), e.district().value(), e.districtName(), e.associationName(), e.population(),
                e.areaHa(), e.postalCode(), e.gebietsstand()));
    }

    @EventHandler
    void on(MunicipalityChanged e, @SequenceNumber long seq) {
        VersionedDocuments.apply(collections.municipalities(), e.ags().value(), seq, current -> municipality(
                e.ars().value(), e.name(), e.district().value(), e.districtName(), e.associationName(), e.population(),
                e.areaHa(), e.postalCode(), e.gebietsstand()));
    }

    @EventHandler
    void on(MunicipalityDissolved e, @SequenceNumber long seq) {
        VersionedDocuments.apply(collections.municipalities(), e.ags().value(), seq, current ->
                current == null ? null : current.append("dissolved", true).append("gebietsstand", e.gebietsstand().toString()));
    }

    private static Document municipality(String ars, String name, String district, String districtName, String associationName,
                                         long population, long areaHa, String postalCode, java.time.LocalDate gebietsstand) {
        return new Document("ars", ars).append("name", name).append("district", district)
                .append("districtName", districtName).append("associationName", associationName)
                .append("population", population).append("areaHa", areaHa).append("postalCode", postalCode)
                .append("gebietsstand", gebietsstand == null ? null : gebietsstand.toString()).append("dissolved", false);
    }

    // ------------------------------------------------------------------ regions above the municipalities

    @EventHandler
    void on(RegionRecorded e, @SequenceNumber long seq) {
        VersionedDocuments.apply(collections.regions(), e.key().value(), seq, current -> region(e.name(), e.parent(),
                e.population(), e.municipalities()));
    }

    @EventHandler
    void on(RegionChanged e, @SequenceNumber long seq) {
        VersionedDocuments.apply(collections.regions(), e.key().value(), seq, current -> region(e.name(), e.parent(),
                e.population(), e.municipalities()));
    }

    @EventHandler
    void on(RegionDissolved e, @SequenceNumber long seq) {
        VersionedDocuments.apply(collections.regions(), e.key().value(), seq, current ->
                current == null ? null : current.append("dissolved", true));
    }

    private static Document region(String name, Ars parent, long population, int municipalities) {
        return new Document("name", name).append("parent", parent == null ? null : parent.value())
                .append("population", population).append("municipalities", municipalities).append("dissolved", false);
    }

    // ------------------------------------------------------------------ services

    @EventHandler
    void on(ServiceRegistered e, @SequenceNumber long seq) {
        service(e.serviceId(), e, seq);
        claims.confirm(e.providingState(), e.leikaKey(), e.serviceId());
    }

    @EventHandler
    void on(VersionPublished e, @SequenceNumber long seq) {
        service(e.serviceId(), e, seq);
    }

    @EventHandler
    void on(VersionDeprecated e, @SequenceNumber long seq) {
        service(e.serviceId(), e, seq);
    }

    @EventHandler
    void on(VersionRetired e, @SequenceNumber long seq) {
        service(e.serviceId(), e, seq);
    }

    private void service(ServiceId serviceId, Object e, long seq) {
        VersionedDocuments.apply(collections.services(), serviceId.value(), seq, current -> RuleFactFolds.service(current, e));
        factChanges.changed();
    }

    // ------------------------------------------------------------------ cooperations

    @EventHandler
    void on(CooperationFounded e, @SequenceNumber long seq) {
        cooperation(e.cooperationId(), e, seq);
    }

    @EventHandler
    void on(StateJoinedCooperation e, @SequenceNumber long seq) {
        cooperation(e.cooperationId(), e, seq);
    }

    @EventHandler
    void on(StateLeftCooperation e, @SequenceNumber long seq) {
        cooperation(e.cooperationId(), e, seq);
    }

    private void cooperation(CooperationId cooperationId, Object e, long seq) {
        VersionedDocuments.apply(collections.cooperations(), cooperationId.value(), seq,
                current -> RuleFactFolds.cooperation(current, e));
        factChanges.changed();
    }

    // ------------------------------------------------------------------ authorities

    @EventHandler
    void on(AuthorityRegistered e, @SequenceNumber long seq) {
        authority(e.authorityId(), e, seq);
    }

    @EventHandler
    void on(AuthorityChanged e, @SequenceNumber long seq) {
        authority(e.authorityId(), e, seq);
    }

    private void authority(AuthorityId authorityId, Object e, long seq) {
        VersionedDocuments.apply(collections.authorities(), authorityId.value(), seq,
                current -> RuleFactFolds.authority(current, e));
        factChanges.changed();
    }

    // ------------------------------------------------------------------ reuse agreements

    @EventHandler
    void on(AgreementProposed e, @SequenceNumber long seq) {
        agreement(e.agreementId(), e, seq);
    }

    @EventHandler
    void on(AgreementSigned e, @SequenceNumber long seq) {
        agreement(e.agreementId(), e, seq);
    }

    @EventHandler
    void on(AgreementTerminated e, @SequenceNumber long seq) {
        agreement(e.agreementId(), e, seq);
    }

    private void agreement(AgreementId agreementId, Object e, long seq) {
        VersionedDocuments.apply(collections.agreements(), agreementId.value(), seq,
                current -> RuleFactFolds.agreement(current, e));
        factChanges.changed();
    }

    // ------------------------------------------------------------------ adoptions (sequence of the municipality)

    /** The repair processor skips, without a read of its own, what its batch's one read shows applied. */
    private boolean alreadyApplied(AdoptionId adoptionId, long seq) {
        return !seesEventsAsTheyAreMade() && adoptionsOfTheBatch.alreadyApplied(adoptionId.value(), seq);
    }

    @EventHandler
    void on(AdoptionStarted e, @SequenceNumber long seq) {
        if (alreadyApplied(e.adoptionId(), seq)) {
            return;
        }
        Supplier<Document> started = () -> new Document("ags", e.ags().value()).append("serviceId", e.serviceId().value())
                .append("version", e.version().toString()).append("status", AdoptionStatus.ACTIVE.name());
        if (seesEventsAsTheyAreMade()) {
            VersionedDocuments.create(collections.adoptions(), e.adoptionId().value(), seq, started);
        } else {
            VersionedDocuments.apply(collections.adoptions(), e.adoptionId().value(), seq, current -> started.get());
        }
    }

    @EventHandler
    void on(AdoptionVersionSwitched e, @SequenceNumber long seq) {
        if (alreadyApplied(e.adoptionId(), seq)) {
            return;
        }
        VersionedDocuments.apply(collections.adoptions(), e.adoptionId().value(), seq, current -> current == null ? null
                : current.append("version", e.toVersion().toString()).append("status", AdoptionStatus.ACTIVE.name()));
    }

    @EventHandler
    void on(AdoptionMarkedUnsupported e, @SequenceNumber long seq) {
        if (alreadyApplied(e.adoptionId(), seq)) {
            return;
        }
        VersionedDocuments.apply(collections.adoptions(), e.adoptionId().value(), seq, current -> current == null ? null
                : current.append("status", AdoptionStatus.UNSUPPORTED.name()));
    }

    @EventHandler
    void on(AdoptionEnded e, @SequenceNumber long seq) {
        if (alreadyApplied(e.adoptionId(), seq)) {
            return;
        }
        VersionedDocuments.apply(collections.adoptions(), e.adoptionId().value(), seq, current -> current == null ? null
                : current.append("status", AdoptionStatus.ENDED.name()));
    }
}
