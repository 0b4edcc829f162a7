package de.efa.registry.query.region;

import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.MunicipalityChanged;
import de.efa.registry.kernel.municipality.MunicipalityDissolved;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.region.RegionChanged;
import de.efa.registry.kernel.region.RegionDissolved;
import de.efa.registry.kernel.region.RegionKey;
import de.efa.registry.kernel.region.RegionLevel;
import de.efa.registry.kernel.region.RegionRecorded;
import de.efa.registry.query.projection.DerivedWrites;
import de.efa.registry.query.projection.DocumentProjection;
import de.efa.registry.query.projection.StateKey;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The regions at every level: one document per region above the municipalities ({@code _id} = its aggregate's key,
 * {@code LEVEL:ARS}) and one per municipality ({@code _id} = AGS, the municipality's aggregate), so that each document
 * follows exactly one event stream. A municipality is a region of level {@link RegionLevel#MUNICIPALITY}: its parent
 * is its association, its population its own. Fields: {@code l} level, {@code a} ARS, {@code n} name, {@code pa}
 * parent's ARS, {@code po} population, {@code m} municipalities, {@code x} the Gebietsstand that dissolved it.
 */
@Component
public class RegionProjection extends DocumentProjection {

    public static final String NAME = "regions";
    static final String REGIONS = "regions";
    static final String MUNICIPALITIES = "municipalities";
    /** {@code _id = regions}, {@code p}: the last position that changed any region, for readers' caches. */
    static final String CHANGES = "changes";

    public RegionProjection() {
        on(RegionRecorded.class, e -> region(e.key()),
                (e, state, p) -> region(state, e.key(), e.name(), e.parent(), e.population(), e.municipalities()));
        on(RegionChanged.class, e -> region(e.key()),
                (e, state, p) -> region(state, e.key(), e.name(), e.parent(), e.population(), e.municipalities()));
        on(RegionDissolved.class, e -> region(e.key()), (e, state, p) -> dissolved(state, e.gebietsstand()));
        on(MunicipalityRecorded.class, e -> municipality(e.ags()),
                (e, state, p) -> municipality(state, e.ars(), e.name(), e.population()));
        on(MunicipalityChanged.class, e -> municipality(e.ags()),
                (e, state, p) -> municipality(state, e.ars(), e.name(), e.population()));
        on(MunicipalityDissolved.class, e -> municipality(e.ags()), (e, state, p) -> dissolved(state, e.gebietsstand()));
    }

    @Override
    public String name() {
        return NAME;
    }

    private static StateKey region(RegionKey key) {
        return new StateKey(REGIONS, key.value());
    }

    private static StateKey municipality(Ags ags) {
        return new StateKey(MUNICIPALITIES, ags.value());
    }

    private static void region(Document state, RegionKey key, String name, Ars parent, long population, int municipalities) {
        state.append("l", key.level().name()).append("a", key.ars().value()).append("n", name)
                .append("pa", parent == null ? null : parent.value()).append("po", population).append("m", municipalities)
                .remove("x");
    }

    private static void municipality(Document state, Ars ars, String name, long population) {
        String association = RegionKey.of(RegionLevel.ASSOCIATION, ars.value()).ars().value();
        state.append("l", RegionLevel.MUNICIPALITY.name()).append("a", ars.value()).append("n", name)
                .append("pa", association).append("po", population).append("m", 1).remove("x");
    }

    private static void dissolved(Document state, LocalDate gebietsstand) {
        state.append("x", gebietsstand.toString());
    }

    @Override
    protected void derive(StateKey key, Document before, Document after, long position, DerivedWrites writes) {
        writes.max(CHANGES, REGIONS, "p", position);
    }
}
