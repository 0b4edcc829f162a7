package de.efa.registry.query.register;

import de.efa.registry.kernel.adoption.AdoptionAuthorityAssigned;
import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionStatus;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.authority.AuthorityChanged;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.authority.AuthorityProfile;
import de.efa.registry.kernel.authority.AuthorityRegistered;
import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.CooperationProposed;
import de.efa.registry.kernel.cooperation.CooperationSigned;
import de.efa.registry.kernel.cooperation.StateJoinedCooperation;
import de.efa.registry.kernel.cooperation.StateLeftCooperation;
import de.efa.registry.kernel.municipality.MunicipalityChanged;
import de.efa.registry.kernel.municipality.MunicipalityDissolved;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceCatalogueFactsChanged;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionOnlineStatusChanged;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.service.VersionRetired;
import de.efa.registry.kernel.service.VersionStatus;
import de.efa.registry.query.projection.DerivedWrites;
import de.efa.registry.query.projection.DocumentProjection;
import de.efa.registry.query.projection.Documents;
import de.efa.registry.query.projection.StateKey;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The register: municipalities (with their adoptions), services (with their versions) and cooperations, one state
 * document per aggregate; derived from them the adoptions per service and state, the adoption index, the statistics
 * contributions and change marks that tell readers' caches when to reload.
 */
@Component
public class RegisterProjection extends DocumentProjection {

    public static final String NAME = "register";
    public static final String MUNICIPALITIES = "municipalities";
    public static final String SERVICES = "services";
    public static final String COOPERATIONS = "cooperations";
    /** One state document per authority, in the request's own field names (a few thousand, read whole). */
    public static final String AUTHORITIES = "authorities";
    /**
     * {@code _id = serviceId|district}, {@code a.<adoptionId> = {g: ags, v, st, f, e, au, sv}} ({@code sv}: the days
     * it serves, {@link ServingSpan}): per district, not per state,
     * for the reason given in {@link StatisticsContributions} (a document per service and state grew with every
     * adoption in the state and was rewritten whole each time).
     */
    public static final String SERVICE_ADOPTIONS = "serviceAdoptions";
    /** {@code _id = first three characters of the adoption id}, {@code m.<adoptionId> = ags}. */
    public static final String ADOPTION_INDEX = "adoptionIndex";
    /** {@code _id = municipalities|services|cooperations}, {@code p = last position that changed one of them}. */
    public static final String CHANGES = "changes";
    /**
     * Layout 2: statistics and service adoptions kept per district instead of per state. Layout 3: the cross-border
     * statistics kept per providing state, district and service instead of a list of services per municipality.
     * Layout 4: contributions and service adoptions carry the days served ({@link ServingSpan}) for answers as of a day.
     */
    private static final int LAYOUT = 4;
    /** Position of the last change of a municipality's own record (not its adoptions): what its change mark carries. */
    private static final String RECORD_POSITION = "_rp";

    private final StatisticsContributions statistics = new StatisticsContributions();

    public RegisterProjection() {
        on(MunicipalityRecorded.class, e -> municipality(e.ags()), this::recorded);
        on(MunicipalityChanged.class, e -> municipality(e.ags()), this::changed);
        on(MunicipalityDissolved.class, e -> municipality(e.ags()), this::dissolved);
        on(AdoptionStarted.class, e -> municipality(e.ags()), this::adoptionStarted);
        on(AdoptionVersionSwitched.class, e -> municipality(e.ags()), this::versionSwitched);
        on(AdoptionMarkedUnsupported.class, e -> municipality(e.ags()), this::markedUnsupported);
        on(AdoptionEnded.class, e -> municipality(e.ags()), this::adoptionEnded);
        on(AdoptionAuthorityAssigned.class, e -> municipality(e.ags()), this::authorityAssigned);
        on(AuthorityRegistered.class, e -> authority(e.authorityId()),
                (e, state, p) -> authority(state, e.authorityId(), e.state().value(), e.profile()));
        on(AuthorityChanged.class, e -> authority(e.authorityId()),
                (e, state, p) -> authority(state, e.authorityId(), e.state().value(), e.profile()));
        on(ServiceRegistered.class, e -> service(e.serviceId()), this::serviceRegistered);
        on(ServiceCatalogueFactsChanged.class, e -> service(e.serviceId()), this::catalogueFactsChanged);
        on(VersionPublished.class, e -> service(e.serviceId()), this::versionPublished);
        on(VersionDeprecated.class, e -> service(e.serviceId()), this::versionDeprecated);
        on(VersionRetired.class, e -> service(e.serviceId()), this::versionRetired);
        on(VersionOnlineStatusChanged.class, e -> service(e.serviceId()), this::onlineStatusChanged);
        on(CooperationProposed.class, e -> cooperation(e.cooperationId()), this::cooperationProposed);
        on(CooperationSigned.class, e -> cooperation(e.cooperationId()), this::cooperationSigned);
        on(CooperationFounded.class, e -> cooperation(e.cooperationId()), this::cooperationFounded);
        on(StateJoinedCooperation.class, e -> cooperation(e.cooperationId()), this::stateJoined);
        on(StateLeftCooperation.class, e -> cooperation(e.cooperationId()), this::stateLeft);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int layout() {
        return LAYOUT;
    }

    private static StateKey municipality(Ags ags) {
        return new StateKey(MUNICIPALITIES, ags.value());
    }

    private static StateKey service(ServiceId serviceId) {
        return new StateKey(SERVICES, serviceId.value());
    }

    private static StateKey authority(AuthorityId authorityId) {
        return new StateKey(AUTHORITIES, authorityId.value());
    }

    private static StateKey cooperation(CooperationId cooperationId) {
        return new StateKey(COOPERATIONS, cooperationId.value());
    }

    private void recorded(MunicipalityRecorded e, Document state, long position) {
        municipality(state, e.ags().value(), e.ars().value(), e.name(), e.district().value(), e.districtName(),
                e.associationName(), e.population(), e.areaHa(), e.postalCode(), e.gebietsstand().toString());
        state.put(RECORD_POSITION, position);
    }

    private void changed(MunicipalityChanged e, Document state, long position) {
        municipality(state, e.ags().value(), e.ars().value(), e.name(), e.district().value(), e.districtName(),
                e.associationName(), e.population(), e.areaHa(), e.postalCode(), e.gebietsstand().toString());
        state.put(RECORD_POSITION, position);
    }

    private void dissolved(MunicipalityDissolved e, Document state, long position) {
        state.put("dissolvedOn", e.gebietsstand().toString());
        state.put(RECORD_POSITION, position);
    }

    private void adoptionStarted(AdoptionStarted e, Document state, long position) {
        Documents.child(state, "ad").put(e.adoptionId().value(), new Document("s", e.serviceId().value())
                .append("v", e.version().toString()).append("st", AdoptionStatus.ACTIVE.name())
                .append("f", e.effectiveFrom().toString()).append("vs", e.effectiveFrom().toString())
                .append("ps", e.providingState().value()).append("xb", e.crossBorder())
                .append("lb", e.legalBasis() == null ? null
                        : new Document("k", e.legalBasis().kind().name()).append("id", e.legalBasis().id())));
    }

    /**
     * A switch resumes an adoption that had become unsupported: from the switch's day on it serves again, so the days
     * between are kept as a gap ({@code ug}, see {@link ServingSpan#of}).
     */
    private void versionSwitched(AdoptionVersionSwitched e, Document state, long position) {
        Document adoption = adoption(state, e.adoptionId().value());
        String unsupportedSince = (String) adoption.remove("us");
        String from = e.effectiveFrom().toString();
        if (unsupportedSince != null && unsupportedSince.compareTo(from) < 0) {
            List<String> gaps = new ArrayList<>(adoption.getList("ug", String.class, List.of()));
            gaps.add(new ServingSpan(unsupportedSince, from).stored());
            adoption.put("ug", gaps);
        }
        adoption.append("v", e.toVersion().toString()).append("vs", from).append("st", AdoptionStatus.ACTIVE.name());
    }

    private void markedUnsupported(AdoptionMarkedUnsupported e, Document state, long position) {
        adoption(state, e.adoptionId().value()).append("st", AdoptionStatus.UNSUPPORTED.name())
                .append("us", e.since().toString());
    }

    private void adoptionEnded(AdoptionEnded e, Document state, long position) {
        adoption(state, e.adoptionId().value()).append("st", AdoptionStatus.ENDED.name()).append("e", e.endsOn().toString());
    }

    /**
     * {@code au}: the authorities named for the adoption, each {@code {a: authorityId, f: from}}, in the order they were
     * named; a later one naming the same day or an earlier one replaces those from its day on (the last word holds).
     */
    private void authorityAssigned(AdoptionAuthorityAssigned e, Document state, long position) {
        Document adoption = adoption(state, e.adoptionId().value());
        List<Document> assigned = new ArrayList<>(adoption.getList("au", Document.class, List.of()));
        String from = e.effectiveFrom().toString();
        assigned.removeIf(a -> a.getString("f").compareTo(from) >= 0);
        assigned.add(new Document("a", e.authorityId().value()).append("f", from));
        adoption.put("au", assigned);
    }

    private static void authority(Document state, AuthorityId authorityId, String stateCode, AuthorityProfile profile) {
        state.append("authorityId", authorityId.value()).append("state", stateCode).append("name", profile.name())
                .append("shortName", profile.shortName())
                .append("address", new Document("street", profile.address().street())
                        .append("houseNumber", profile.address().houseNumber()).append("zip", profile.address().zip())
                        .append("city", profile.address().city()))
                .append("contact", new Document("email", profile.contact().email()).append("phone", profile.contact().phone()))
                .append("destinationId", string(profile.destinationId()))
                .append("destinationSignature", string(profile.destinationSignature()))
                .append("websiteUrl", profile.websiteUrl());
    }

    private void serviceRegistered(ServiceRegistered e, Document state, long position) {
        state.append("serviceId", e.serviceId().value()).append("leikaKey", e.leikaKey().value())
                .append("name", e.name()).append("providingState", e.providingState().value())
                .append("reuse", e.reuse().name()).append("topic", e.topic()).append("description", e.description());
        versions(state);
    }

    private void catalogueFactsChanged(ServiceCatalogueFactsChanged e, Document state, long position) {
        state.put("catalogue", new Document("ozgId", e.ozgId()).append("ozgName", e.ozgName())
                .append("leikaName", e.leikaName()).append("typisierung", e.typisierung())
                .append("evaluated", e.evaluated()));
    }

    private void versionPublished(VersionPublished e, Document state, long position) {
        List<Document> versions = versions(state);
        versions.removeIf(v -> e.version().toString().equals(v.getString("version")));
        versions.add(new Document("version", e.version().toString()).append("status", VersionStatus.ACTIVE.name())
                .append("maturityLevel", e.maturityLevel().level()).append("maturityModel", e.maturityModel())
                .append("releasedOn", string(e.releasedOn())).append("sunsetOn", null).append("retiredOn", null)
                .append("successor", null).append("url", e.url()));
    }

    private void versionDeprecated(VersionDeprecated e, Document state, long position) {
        Document version = version(state, e.version().toString());
        if (!VersionStatus.RETIRED.name().equals(version.getString("status"))) {
            version.put("status", VersionStatus.DEPRECATED.name());
        }
        version.append("sunsetOn", string(e.sunsetOn()));
        if (e.successor() != null) {
            version.put("successor", e.successor().toString());
        }
    }

    private void versionRetired(VersionRetired e, Document state, long position) {
        Document version = version(state, e.version().toString());
        version.append("status", VersionStatus.RETIRED.name()).append("retiredOn", string(e.retiredOn()));
        if (e.successor() != null) {
            version.put("successor", e.successor().toString());
        }
    }

    private void onlineStatusChanged(VersionOnlineStatusChanged e, Document state, long position) {
        version(state, e.version().toString()).append("onlineStatus", e.status().text())
                .append("onlineStatusCheckedAt", e.checkedAt().toString());
    }

    /** Pending: no members yet, a signature slot per founder (the proposer's filled). */
    private void cooperationProposed(CooperationProposed e, Document state, long position) {
        List<Document> signatures = new ArrayList<>();
        for (StateCode founding : new LinkedHashSet<>(e.foundingStates())) {
            String signedOn = founding.equals(e.proposedBy()) ? e.signedOn().toString() : null;
            signatures.add(new Document("state", founding.value()).append("signedOn", signedOn));
        }
        state.append("cooperationId", e.cooperationId().value()).append("name", e.name())
                .append("signedOn", e.signedOn().toString()).append("status", Cooperation.PENDING)
                .append("members", new ArrayList<Document>()).append("signatures", signatures);
    }

    @SuppressWarnings("unchecked")
    private void cooperationSigned(CooperationSigned e, Document state, long position) {
        for (Document signature : (List<Document>) state.get("signatures", List.class)) {
            if (e.state().value().equals(signature.getString("state"))) {
                signature.put("signedOn", e.signedOn().toString());
            }
        }
    }

    /** In force: the founders are members from the agreement's (last signature's) day. */
    private void cooperationFounded(CooperationFounded e, Document state, long position) {
        List<Document> members = new ArrayList<>();
        for (StateCode founding : new LinkedHashSet<>(e.foundingStates())) {
            members.add(member(founding.value(), e.signedOn().toString()));
        }
        state.append("cooperationId", e.cooperationId().value()).append("name", e.name())
                .append("signedOn", e.signedOn().toString()).append("status", Cooperation.ACTIVE)
                .append("members", members);
    }

    private void stateJoined(StateJoinedCooperation e, Document state, long position) {
        if (openMembership(state, e.state().value()) == null) {
            members(state).add(member(e.state().value(), e.joinedOn().toString()));
        }
    }

    private void stateLeft(StateLeftCooperation e, Document state, long position) {
        Document open = openMembership(state, e.state().value());
        if (open == null) {
            throw new IllegalStateException("state " + e.state() + " is no member of " + e.cooperationId());
        }
        open.put("leftOn", e.leftOn().toString());
    }

    private static void municipality(Document state, String ags, String ars, String name, String district,
                                     String districtName, String association, long population, long areaHa,
                                     String postalCode, String gebietsstand) {
        state.append("ags", ags).append("ars", ars).append("name", name).append("state", ags.substring(0, 2))
                .append("district", new Document("key", district).append("name", districtName))
                .append("association", association).append("population", population).append("areaHa", areaHa)
                .append("postalCode", postalCode).append("gebietsstand", gebietsstand);
        state.remove("dissolvedOn");
    }

    private static Document adoption(Document state, String adoptionId) {
        Object adoption = Documents.child(state, "ad").get(adoptionId);
        if (!(adoption instanceof Document document)) {
            throw new IllegalStateException("adoption " + adoptionId + " was never started");
        }
        return document;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> versions(Document state) {
        Object versions = state.get("versions");
        if (versions == null) {
            versions = new ArrayList<Document>();
            state.put("versions", versions);
        }
        return (List<Document>) versions;
    }

    private static Document version(Document state, String version) {
        return versions(state).stream().filter(v -> version.equals(v.getString("version"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("version " + version + " was never published"));
    }

    private static Document member(String state, String joinedOn) {
        return new Document("state", state).append("joinedOn", joinedOn).append("leftOn", null);
    }

    @SuppressWarnings("unchecked")
    private static List<Document> members(Document state) {
        Object members = state.get("members");
        if (members == null) {
            throw new IllegalStateException("cooperation " + state.get("_id") + " was never founded");
        }
        return (List<Document>) members;
    }

    private static Document openMembership(Document state, String memberState) {
        return members(state).stream().filter(m -> memberState.equals(m.getString("state")) && m.get("leftOn") == null)
                .findFirst().orElse(null);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    protected void derive(StateKey key, Document before, Document after, long position, DerivedWrites writes) {
        switch (key.collection()) {
            case MUNICIPALITIES -> deriveMunicipality(key.id(), before, after, position, writes);
            case SERVICES -> {
                writes.max(CHANGES, SERVICES, "p", position);
                statistics.service(before, after, writes);
            }
            case AUTHORITIES -> writes.max(CHANGES, AUTHORITIES, "p", position);
            default -> writes.max(CHANGES, COOPERATIONS, "p", position);
        }
    }

    private void deriveMunicipality(String ags, Document before, Document after, long position, DerivedWrites writes) {
        Object recorded = after.get(RECORD_POSITION);
        if (recorded != null && (before == null || !recorded.equals(before.get(RECORD_POSITION)))) {
            writes.max(CHANGES, MUNICIPALITIES, "p", ((Number) recorded).longValue());
        }
        // read only: the stored document is never changed (the batch changed a copy of it), so it needs no copy —
        // copying it whole per batch cost in proportion to all the municipality's adoptions
        Document oldAdoptions = before != null && before.get("ad") instanceof Document stored ? stored : new Document();
        Document newAdoptions = Documents.child(after, "ad");
        String district = StatisticsContributions.district(ags);
        for (String adoptionId : newAdoptions.keySet()) {
            Document now = (Document) newAdoptions.get(adoptionId);
            if (now.equals(oldAdoptions.get(adoptionId))) {
                continue;
            }
            writes.set(SERVICE_ADOPTIONS, now.getString("s") + "|" + district, "a." + adoptionId, new Document("g", ags)
                    .append("v", now.getString("v")).append("st", now.getString("st")).append("f", now.getString("f"))
                    .append("e", now.getString("e")).append("au", now.get("au"))
                    .append("sv", ServingSpan.storedAll(ServingSpan.of(now))));
            if (!oldAdoptions.containsKey(adoptionId)) {
                writes.set(ADOPTION_INDEX, adoptionId.substring(0, 3), "m." + adoptionId, ags);
            }
        }
        statistics.municipality(ags, oldAdoptions, newAdoptions, writes);
    }

}
