package de.efa.registry.query.dv;

import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceCatalogueFactsChanged;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionOnlineStatusChanged;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.service.VersionRetired;
import de.efa.registry.query.projection.DerivedWrites;
import de.efa.registry.query.projection.DocumentProjection;
import de.efa.registry.query.projection.Documents;
import de.efa.registry.query.projection.StateKey;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the Dashboard data API reads: the services with their catalogue facts and versions (URL, online status,
 * lifecycle), and every adoption as the span of days it serves, kept per service and district.
 * <p>
 * State documents follow one aggregate each: {@code municipalities} ({@code _id} = AGS) hold the municipality's
 * adoptions ({@code a.<adoptionId> = {s, v, f, t?, u?}}: service, version, from, ended on, unsupported since);
 * {@code services} ({@code _id} = service id) the service. Derived from the municipalities, {@code coverage}
 * ({@code _id = serviceId|district}) holds {@code a.<adoptionId> = "ags|from|until|version"} — until exclusive, empty
 * while open — so that the coverage of one day is read without the municipalities' documents; which day is "today"
 * is decided when reading, since days pass without events. {@code changes} carries the last position, for the
 * readers' cache.
 */
@Component
public class DvProjection extends DocumentProjection {

    public static final String NAME = "dv";
    static final String MUNICIPALITIES = "municipalities";
    static final String SERVICES = "services";
    static final String COVERAGE = "coverage";
    static final String CHANGES = "changes";

    public DvProjection() {
        on(AdoptionStarted.class, e -> municipality(e.ags()), (e, state, p) -> Documents.child(state, "a").put(
                e.adoptionId().value(), new Document("s", e.serviceId().value()).append("v", e.version().toString())
                        .append("f", e.effectiveFrom().toString())));
        on(AdoptionVersionSwitched.class, e -> municipality(e.ags()), (e, state, p) -> adoption(state, e.adoptionId().value())
                .append("v", e.toVersion().toString()).remove("u"));
        on(AdoptionMarkedUnsupported.class, e -> municipality(e.ags()), (e, state, p) -> adoption(state, e.adoptionId().value())
                .append("u", e.since().toString()));
        on(AdoptionEnded.class, e -> municipality(e.ags()), (e, state, p) -> adoption(state, e.adoptionId().value())
                .append("t", e.endsOn().toString()));
        on(ServiceRegistered.class, e -> service(e.serviceId()), (e, state, p) -> state.append("k", e.leikaKey().value())
                .append("n", e.name()));
        on(ServiceCatalogueFactsChanged.class, e -> service(e.serviceId()), (e, state, p) -> state.append("oz", e.ozgId())
                .append("on", e.ozgName()).append("ln", e.leikaName()).append("ev", e.evaluated()));
        on(VersionPublished.class, e -> service(e.serviceId()), (e, state, p) -> version(state, e.version()).append("u", e.url()));
        on(VersionDeprecated.class, e -> service(e.serviceId()), (e, state, p) -> version(state, e.version()).append("st", "DEPRECATED"));
        on(VersionRetired.class, e -> service(e.serviceId()), (e, state, p) -> version(state, e.version()).append("st", "RETIRED"));
        on(VersionOnlineStatusChanged.class, e -> service(e.serviceId()),
                (e, state, p) -> version(state, e.version()).append("os", e.status().text()));
    }

    @Override
    public String name() {
        return NAME;
    }

    private static StateKey municipality(Ags ags) {
        return new StateKey(MUNICIPALITIES, ags.value());
    }

    private static StateKey service(ServiceId serviceId) {
        return new StateKey(SERVICES, serviceId.value());
    }

    /** An adoption of the document; one whose start was never seen fails the event (a dead letter, as elsewhere). */
    private static Document adoption(Document state, String adoptionId) {
        Document adoption = Documents.child(state, "a").get(adoptionId, Document.class);
        if (adoption == null) {
            throw new IllegalStateException("adoption " + adoptionId + " was never started");
        }
        return adoption;
    }

    /** A version's entry in the list {@code vs} (version numbers hold dots, which field names may not). */
    @SuppressWarnings("unchecked")
    private static Document version(Document state, ServiceVersion version) {
        Object value = state.get("vs");
        List<Document> versions;
        if (value instanceof List<?> list) {
            versions = (List<Document>) list;
        } else {
            versions = new ArrayList<>();
            state.put("vs", versions);
        }
        for (Document v : versions) {
            if (version.toString().equals(v.getString("v"))) {
                return v;
            }
        }
        Document created = new Document("v", version.toString());
        versions.add(created);
        return created;
    }

    @Override
    protected void derive(StateKey key, Document before, Document after, long position, DerivedWrites writes) {
        writes.max(CHANGES, CHANGES, "p", position);
        if (!MUNICIPALITIES.equals(key.collection())) {
            return;
        }
        String district = key.id().substring(0, 5);
        Document was = before == null ? null : before.get("a", Document.class);
        Document now = after.get("a", Document.class);
        if (now == null) {
            return;
        }
        for (Map.Entry<String, Object> entry : now.entrySet()) {
            Document adoption = (Document) entry.getValue();
            String span = span(key.id(), adoption);
            Document old = was == null ? null : was.get(entry.getKey(), Document.class);
            if (old == null || !Objects.equals(span(key.id(), old), span)) {
                writes.set(COVERAGE, adoption.getString("s") + "|" + district, "a." + entry.getKey(), span);
            }
        }
    }

    /** {@code ags|from|until|version}: until is the earlier of the end and the day it became unsupported. */
    static String span(String ags, Document adoption) {
        String ended = adoption.getString("t");
        String unsupported = adoption.getString("u");
        String until = ended == null ? unsupported
                : unsupported == null ? ended : (ended.compareTo(unsupported) <= 0 ? ended : unsupported);
        return ags + "|" + adoption.getString("f") + "|" + (until == null ? "" : until) + "|" + adoption.getString("v");
    }
}
