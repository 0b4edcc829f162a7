package de.efa.registry.query.register;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.query.projection.ActiveVersions;
import de.efa.registry.query.projection.Documents;
import de.efa.registry.query.projection.ProjectionStore;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register's records in one version of its collections, as typed read models: readers never see the stored
 * documents' field names, which are the projection's to choose (and short, for size).
 */
public record RegisterRecords(ProjectionStore store) {

    /** Adoptions and the record's own position are left out: the directory and its readers never need them. */
    private static final Document MUNICIPALITY_RECORD = new Document("ad", 0).append("_rp", 0);

    /** The version readers are served from now. */
    public static RegisterRecords active(ActiveVersions versions) {
        return new RegisterRecords(versions.active(RegisterProjection.NAME));
    }

    /** Names the version read, so that a cache of its records can tell when a rebuild replaced it. */
    public String version() {
        return store.prefix();
    }

    /**
     * The last position that changed one of the municipalities ({@link RegisterProjection#MUNICIPALITIES}), services or
     * cooperations: a cache of them is current while this stays the same.
     */
    public long changeMark(String kind) {
        Document mark = store.collection(RegisterProjection.CHANGES).find(new Document("_id", kind)).first();
        return mark == null ? 0L : ((Number) mark.get("p")).longValue();
    }

    /** A municipality whose record was written (a document holding only adoptions is none). */
    public Optional<Municipality> municipality(String ags) {
        Document stored = store.collection(RegisterProjection.MUNICIPALITIES).find(new Document("_id", ags))
                .projection(MUNICIPALITY_RECORD).first();
        return stored == null || stored.getString("ags") == null ? Optional.empty() : Optional.of(Municipality.of(stored));
    }

    /** Every recorded municipality, dissolved ones included, in no particular order. */
    public List<Municipality> municipalities() {
        List<Municipality> all = new ArrayList<>();
        for (Document stored : store.collection(RegisterProjection.MUNICIPALITIES).find().projection(MUNICIPALITY_RECORD)) {
            if (stored.getString("ags") != null) {
                all.add(Municipality.of(stored));
            }
        }
        return all;
    }

    public Optional<Service> service(String serviceId) {
        Document stored = serviceDocument(serviceId);
        return stored == null || stored.getString("serviceId") == null ? Optional.empty() : Optional.of(Service.of(stored));
    }

    /**
     * Whether the projection holds any document of the service, registered or not: the statistics have always asked
     * only this (a version published before its service was registered leaves such a document).
     */
    public boolean holdsService(String serviceId) {
        return serviceDocument(serviceId) != null;
    }

    private Document serviceDocument(String serviceId) {
        return store.collection(RegisterProjection.SERVICES).find(new Document("_id", serviceId)).first();
    }

    /** Every registered service, in no particular order. */
    public List<Service> services() {
        List<Service> all = new ArrayList<>();
        for (Document stored : store.collection(RegisterProjection.SERVICES).find()) {
            if (stored.getString("serviceId") != null) {
                all.add(Service.of(stored));
            }
        }
        return all;
    }

    public Optional<Cooperation> cooperation(String cooperationId) {
        Document stored = store.collection(RegisterProjection.COOPERATIONS).find(new Document("_id", cooperationId)).first();
        return stored == null || stored.getString("cooperationId") == null ? Optional.empty()
                : Optional.of(Cooperation.of(stored));
    }

    /** Every founded cooperation, in no particular order. */
    public List<Cooperation> cooperations() {
        List<Cooperation> all = new ArrayList<>();
        for (Document stored : store.collection(RegisterProjection.COOPERATIONS).find()) {
            if (stored.getString("cooperationId") != null) {
                all.add(Cooperation.of(stored));
            }
        }
        return all;
    }

    public Optional<Authority> authority(String authorityId) {
        Document stored = store.collection(RegisterProjection.AUTHORITIES).find(new Document("_id", authorityId)).first();
        return stored == null || stored.getString("authorityId") == null ? Optional.empty()
                : Optional.of(Authority.of(stored));
    }

    /** Every recorded authority, in no particular order. */
    public List<Authority> authorities() {
        List<Authority> all = new ArrayList<>();
        for (Document stored : store.collection(RegisterProjection.AUTHORITIES).find()) {
            if (stored.getString("authorityId") != null) {
                all.add(Authority.of(stored));
            }
        }
        return all;
    }

    /** An adoption by its id: the adoption index names its municipality, whose document holds it. */
    public Optional<Adoption> adoption(String adoptionId) {
        Document bucket = store.collection(RegisterProjection.ADOPTION_INDEX)
                .find(new Document("_id", adoptionId.substring(0, 3))).first();
        Document index = bucket == null ? null : bucket.get("m", Document.class);
        String ags = index == null ? null : index.getString(adoptionId);
        Document municipality = ags == null ? null
                : store.collection(RegisterProjection.MUNICIPALITIES).find(new Document("_id", ags)).first();
        Document adoptions = municipality == null ? null : municipality.get("ad", Document.class);
        Document adoption = adoptions == null ? null : adoptions.get(adoptionId, Document.class);
        return adoption == null ? Optional.empty() : Optional.of(Adoption.of(adoptionId, ags, adoption));
    }

    /** The legal basis of each cross-border adoption of a municipality that names one, by adoption id. */
    public Map<String, Adoption.LegalBasis> legalBases(String ags) {
        Document municipality = store.collection(RegisterProjection.MUNICIPALITIES).find(new Document("_id", ags))
                .projection(new Document("ad", 1)).first();
        Document adoptions = municipality == null ? null : municipality.get("ad", Document.class);
        Map<String, Adoption.LegalBasis> bases = new java.util.HashMap<>();
        if (adoptions != null) {
            adoptions.forEach((adoptionId, stored) -> {
                Adoption.LegalBasis basis = Adoption.LegalBasis.of(((Document) stored).get("lb", Document.class));
                if (basis != null) {
                    bases.put(adoptionId, basis);
                }
            });
        }
        return bases;
    }

    /** The adoptions of a service, in all states or in one, ended ones included; in no particular order. */
    public List<ServiceAdoption> serviceAdoptions(String serviceId, StateCode onlyState) {
        String prefix = serviceId + "|" + (onlyState == null ? "" : onlyState.value());
        List<ServiceAdoption> all = new ArrayList<>();
        for (Document perDistrict : store.collection(RegisterProjection.SERVICE_ADOPTIONS).find(Documents.idsStartingWith(prefix))) {
            Document adoptions = perDistrict.get("a", Document.class);
            if (adoptions == null) {
                continue;
            }
            String state = stateOf(perDistrict.getString("_id"));
            for (Map.Entry<String, Object> entry : adoptions.entrySet()) {
                all.add(ServiceAdoption.of(entry.getKey(), state, (Document) entry.getValue()));
            }
        }
        return all;
    }

    /** The state of a {@code serviceId|district} document: the district's first two digits. */
    private static String stateOf(String serviceAdoptionsId) {
        int bar = serviceAdoptionsId.lastIndexOf('|');
        return serviceAdoptionsId.substring(bar + 1, bar + 3);
    }
}
