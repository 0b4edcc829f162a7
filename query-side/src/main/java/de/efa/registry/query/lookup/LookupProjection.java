package de.efa.registry.query.lookup;

import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.municipality.MunicipalityChanged;
import de.efa.registry.kernel.municipality.MunicipalityDissolved;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.query.projection.DerivedWrites;
import de.efa.registry.query.projection.DocumentProjection;
import de.efa.registry.query.projection.StateKey;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The cross-border lookup: one document per municipality ({@code _id} = AGS) with every interval in which one
 * version of one service served it, {@code [f, t)} — from the effective date of the adoption or switch up to the
 * effective date of the next switch, of the retirement that left it unsupported, or of the termination. "As of X" is
 * then one read by {@code _id} and a filter in memory. Service details live in a small second collection that readers
 * cache: a service's key, name, provider and a version's maturity never change once recorded.
 * <p>
 * Fields are short on purpose (about a million intervals in eleven thousand documents): {@code n} name, {@code st}
 * state, {@code x} dissolved on, {@code e} intervals of {@code a} adoption, {@code s} service, {@code v} version,
 * {@code f} valid from, {@code t} valid to (exclusive, absent while open).
 */
@Component
public class LookupProjection extends DocumentProjection {

    public static final String NAME = "lookup";
    static final String MUNICIPALITIES = "municipalities";
    static final String SERVICES = "services";

    private static final Set<Class<?>> HANDLED = Set.of(MunicipalityRecorded.class, MunicipalityChanged.class,
            MunicipalityDissolved.class, AdoptionStarted.class, AdoptionVersionSwitched.class,
            AdoptionMarkedUnsupported.class, AdoptionEnded.class, ServiceRegistered.class, VersionPublished.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(Class<?> payloadType) {
        return HANDLED.contains(payloadType);
    }

    @Override
    protected StateKey keyOf(Object payload) {
        if (payload instanceof MunicipalityRecorded e) {
            return municipality(e.ags().value());
        } else if (payload instanceof MunicipalityChanged e) {
            return municipality(e.ags().value());
        } else if (payload instanceof MunicipalityDissolved e) {
            return municipality(e.ags().value());
        } else if (payload instanceof AdoptionStarted e) {
            return municipality(e.ags().value());
        } else if (payload instanceof AdoptionVersionSwitched e) {
            return municipality(e.ags().value());
        } else if (payload instanceof AdoptionMarkedUnsupported e) {
            return municipality(e.ags().value());
        } else if (payload instanceof AdoptionEnded e) {
            return municipality(e.ags().value());
        } else if (payload instanceof ServiceRegistered e) {
            return new StateKey(SERVICES, e.serviceId().value());
        } else if (payload instanceof VersionPublished e) {
            return new StateKey(SERVICES, e.serviceId().value());
        }
        return null;
    }

    private static StateKey municipality(String ags) {
        return new StateKey(MUNICIPALITIES, ags);
    }

    @Override
    protected void apply(Object payload, Document state, long position) {
        if (payload instanceof MunicipalityRecorded e) {
            state.append("n", e.name()).append("st", e.ags().state().value()).remove("x");
        } else if (payload instanceof MunicipalityChanged e) {
            state.append("n", e.name()).append("st", e.ags().state().value()).remove("x");
        } else if (payload instanceof MunicipalityDissolved e) {
            state.append("x", e.gebietsstand().toString());
        } else if (payload instanceof AdoptionStarted e) {
            intervals(state).add(new Document("a", e.adoptionId().value()).append("s", e.serviceId().value())
                    .append("v", e.version().toString()).append("f", e.effectiveFrom().toString()));
        } else if (payload instanceof AdoptionVersionSwitched e) {
            Document open = close(state, e.adoptionId().value(), e.effectiveFrom().toString());
            intervals(state).add(new Document("a", e.adoptionId().value())
                    .append("s", open == null ? e.serviceId().value() : open.getString("s"))
                    .append("v", e.toVersion().toString()).append("f", e.effectiveFrom().toString()));
        } else if (payload instanceof AdoptionMarkedUnsupported e) {
            close(state, e.adoptionId().value(), e.since().toString());
        } else if (payload instanceof AdoptionEnded e) {
            close(state, e.adoptionId().value(), e.endsOn().toString());
        } else if (payload instanceof ServiceRegistered e) {
            state.append("k", e.leikaKey().value()).append("n", e.name()).append("ps", e.providingState().value());
        } else if (payload instanceof VersionPublished e) {
            List<Document> versions = list(state, "vs");
            versions.removeIf(v -> e.version().toString().equals(v.getString("v")));
            versions.add(new Document("v", e.version().toString()).append("l", e.maturityLevel().level()));
        } else {
            throw new IllegalArgumentException("not a lookup event: " + payload.getClass().getName());
        }
    }

    /** Closes the adoption's open interval on {@code on}; an interval never ends before it starts. */
    private static Document close(Document state, String adoptionId, String on) {
        for (Document interval : intervals(state)) {
            if (adoptionId.equals(interval.getString("a")) && interval.getString("t") == null) {
                String from = interval.getString("f");
                interval.put("t", on.compareTo(from) < 0 ? from : on);
                return interval;
            }
        }
        return null;
    }

    static List<Document> intervals(Document state) {
        return list(state, "e");
    }

    @SuppressWarnings("unchecked")
    private static List<Document> list(Document state, String key) {
        Object value = state.get(key);
        if (value instanceof List<?> list) {
            return (List<Document>) list;
        }
        List<Document> created = new ArrayList<>();
        state.put(key, created);
        return created;
    }

    @Override
    protected void derive(StateKey key, Document before, Document after, long position, DerivedWrites writes) {
        // the lookup keeps nothing beside its state documents
    }
}
