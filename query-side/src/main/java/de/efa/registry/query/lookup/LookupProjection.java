package de.efa.registry.query.lookup;

import de.efa.registry.kernel.adoption.AdoptionAuthorityAssigned;
import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.MunicipalityChanged;
import de.efa.registry.kernel.municipality.MunicipalityDissolved;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.query.projection.DerivedWrites;
import de.efa.registry.query.projection.DocumentProjection;
import de.efa.registry.query.projection.ProjectedEvent;
import de.efa.registry.query.projection.ProjectionDocuments;
import de.efa.registry.query.projection.StateKey;
import de.efa.registry.kernel.service.MaturityModel;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The cross-border lookup: one document per municipality ({@code _id} = AGS) with every interval in which one
 * version of one service served it, {@code [f, t)} — from the effective date of the adoption or switch up to the
 * effective date of the next switch, of the retirement that left it unsupported, or of the termination. "As of X" is
 * then one read by {@code _id} and a filter in memory. Service details live in a small second collection that readers
 * cache: a service's key, name, provider and a version's maturity never change once recorded.
 * <p>
 * Fields are short on purpose (about a million intervals in eleven thousand documents): {@code n} name, {@code st}
 * state, {@code x} dissolved on, {@code e} intervals, each one string (see {@link Interval}: adoption, service,
 * version, valid from, valid to — exclusive, absent while open), {@code au} the authorities named for the adoptions
 * (see {@link AuthorityAssignment}).
 */
@Component
public class LookupProjection extends DocumentProjection {

    public static final String NAME = "lookup";
    static final String MUNICIPALITIES = "municipalities";
    static final String SERVICES = "services";

    private final LookupCache cache;

    public LookupProjection(LookupCache cache) {
        this.cache = cache;
        on(MunicipalityRecorded.class, e -> municipality(e.ags()), (e, state, p) -> named(state, e.name(), e.ags()));
        on(MunicipalityChanged.class, e -> municipality(e.ags()), (e, state, p) -> named(state, e.name(), e.ags()));
        on(MunicipalityDissolved.class, e -> municipality(e.ags()), this::dissolved);
        on(AdoptionStarted.class, e -> municipality(e.ags()), this::adoptionStarted);
        on(AdoptionVersionSwitched.class, e -> municipality(e.ags()), this::versionSwitched);
        on(AdoptionMarkedUnsupported.class, e -> municipality(e.ags()),
                (e, state, p) -> cut(state, e.adoptionId().value(), e.since().toString()));
        on(AdoptionEnded.class, e -> municipality(e.ags()),
                (e, state, p) -> cut(state, e.adoptionId().value(), e.endsOn().toString()));
        on(AdoptionAuthorityAssigned.class, e -> municipality(e.ags()), this::authorityAssigned);
        on(ServiceRegistered.class, e -> service(e.serviceId()), this::serviceRegistered);
        on(VersionPublished.class, e -> service(e.serviceId()), this::versionPublished);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Applies the batch, then tells the cache which municipalities' documents it wrote (also when it failed midway). */
    @Override
    public void apply(List<ProjectedEvent> events, ProjectionDocuments store, Failures failures) {
        try {
            super.apply(events, store, failures);
        } finally {
            List<String> municipalities = new ArrayList<>();
            for (ProjectedEvent event : events) {
                StateKey key = keyOf(event.payload());
                if (key != null && MUNICIPALITIES.equals(key.collection())) {
                    municipalities.add(key.id());
                }
            }
            cache.written(municipalities);
        }
    }

    /**
     * Layout 2: a switch or a termination cuts every interval of its adoption from its day on, not only the open one
     * (documents built before can hold intervals of one adoption that overlap; the rebuild the new layout starts
     * builds them anew).
     */
    @Override
    public int layout() {
        return 2;
    }

    private static StateKey municipality(Ags ags) {
        return new StateKey(MUNICIPALITIES, ags.value());
    }

    private static StateKey service(ServiceId serviceId) {
        return new StateKey(SERVICES, serviceId.value());
    }

    private static void named(Document state, String name, Ags ags) {
        state.append("n", name).append("st", ags.state().value()).remove("x");
    }

    private void dissolved(MunicipalityDissolved e, Document state, long position) {
        state.append("x", e.gebietsstand().toString());
    }

    private void adoptionStarted(AdoptionStarted e, Document state, long position) {
        intervals(state).add(new Interval(e.adoptionId().value(), e.serviceId().value(), e.version().toString(),
                e.effectiveFrom().toString(), null).stored());
    }

    private void versionSwitched(AdoptionVersionSwitched e, Document state, long position) {
        cut(state, e.adoptionId().value(), e.effectiveFrom().toString());
        intervals(state).add(new Interval(e.adoptionId().value(), e.serviceId().value(), e.toVersion().toString(),
                e.effectiveFrom().toString(), null).stored());
    }

    /**
     * {@code au}: one string {@code "<adoptionId> <authorityId> <from>"} per authority named for an adoption of the
     * municipality. A naming replaces the adoption's namings from its day on: the last word holds.
     */
    private void authorityAssigned(AdoptionAuthorityAssigned e, Document state, long position) {
        List<Object> assigned = list(state, "au");
        String adoptionId = e.adoptionId().value();
        String from = e.effectiveFrom().toString();
        assigned.removeIf(stored -> {
            AuthorityAssignment old = AuthorityAssignment.parse((String) stored);
            return old.adoptionId().equals(adoptionId) && !Interval.before(old.validFrom(), from);
        });
        assigned.add(new AuthorityAssignment(adoptionId, e.authorityId().value(), from).stored());
    }

    private void serviceRegistered(ServiceRegistered e, Document state, long position) {
        state.append("k", e.leikaKey().value()).append("n", e.name()).append("ps", e.providingState().value());
    }

    private void versionPublished(VersionPublished e, Document state, long position) {
        List<Document> versions = list(state, "vs");
        versions.removeIf(v -> e.version().toString().equals(v.getString("v")));
        Document version = new Document("v", e.version().toString()).append("l", e.maturityLevel().level());
        if (!MaturityModel.FIRST.id().equals(e.maturityModel())) {
            version.append("mm", e.maturityModel()); // the first model goes without saying, as in every older document
        }
        versions.add(version);
    }

    /**
     * Ends everything the adoption serves from {@code day} on: its intervals that start on that day or later go, and
     * those that reach past it end on it. Not only the open one: a switch or a termination may be dated before an
     * earlier switch took effect (or before a retirement closed the adoption), and what it says holds from its day on —
     * the last recorded change wins, so no day is ever served twice by one adoption.
     */
    private static void cut(Document state, String adoptionId, String day) {
        List<Object> intervals = intervals(state);
        for (int i = intervals.size() - 1; i >= 0; i--) {
            // compact strings throughout (see intervals): most are another adoption's, told apart without parsing
            String stored = (String) intervals.get(i);
            if (!stored.startsWith(adoptionId)) {
                continue;
            }
            Interval interval = Interval.parse(stored);
            if (!adoptionId.equals(interval.adoptionId())) {
                continue;
            }
            if (!Interval.before(interval.validFrom(), day)) {
                intervals.remove(i);
            } else if (interval.isOpen() || Interval.before(day, interval.validTo())) {
                intervals.set(i, interval.closedOn(day).stored());
            }
        }
    }

    /**
     * The municipality's intervals, as a list the projection may change: those of a document written in the older
     * sub-document form are converted, so that the document is rewritten in the compact form.
     */
    @SuppressWarnings("unchecked")
    static List<Object> intervals(Document state) {
        Object value = state.get("e");
        if (value instanceof List<?> list) {
            List<Object> intervals = (List<Object>) list;
            for (int i = 0; i < intervals.size(); i++) {
                if (intervals.get(i) instanceof Document old) {
                    intervals.set(i, Interval.of(old).stored());
                }
            }
            return intervals;
        }
        List<Object> created = new ArrayList<>();
        state.put("e", created);
        return created;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Document state, String key) {
        Object value = state.get(key);
        if (value instanceof List<?> list) {
            return (List<T>) list;
        }
        List<T> created = new ArrayList<>();
        state.put(key, created);
        return created;
    }

    @Override
    protected void derive(StateKey key, Document before, Document after, long position, DerivedWrites writes) {
        // the lookup keeps nothing beside its state documents
    }
}
