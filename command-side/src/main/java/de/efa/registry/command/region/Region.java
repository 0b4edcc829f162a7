package de.efa.registry.command.region;

import de.efa.registry.command.axon.CommandTargets;
import de.efa.registry.kernel.region.ChangeRegion;
import de.efa.registry.kernel.region.DissolveRegion;
import de.efa.registry.kernel.region.RecordRegion;
import de.efa.registry.kernel.region.RegionChanged;
import de.efa.registry.kernel.region.RegionDissolved;
import de.efa.registry.kernel.region.RegionKey;
import de.efa.registry.kernel.region.RegionRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A region above the municipalities — state, government region, district or association — as the official directory
 * lists it. Only the directory import changes it (its diff decides what changed); it holds no rules of its own beyond
 * dissolving once. Its identifier is level and ARS together ({@link RegionKey}): one ARS can name a region at several
 * levels.
 */
@Aggregate(commandTargetResolver = CommandTargets.BEAN)
public class Region {

    @AggregateIdentifier
    private RegionKey key;
    private boolean dissolved;

    protected Region() {
        // for Axon
    }

    @CommandHandler
    public Region(RecordRegion c) {
        apply(new RegionRecorded(c.level(), c.ars(), c.name(), c.parent(), c.population(), c.municipalities(),
                c.gebietsstand()));
    }

    /** Also brings a dissolved region back when a later directory lists it again. */
    @CommandHandler
    void handle(ChangeRegion c) {
        apply(new RegionChanged(c.level(), c.ars(), c.name(), c.parent(), c.population(), c.municipalities(),
                c.gebietsstand()));
    }

    @CommandHandler
    void handle(DissolveRegion c) {
        if (!dissolved) {
            apply(new RegionDissolved(c.level(), c.ars(), c.gebietsstand()));
        }
    }

    @EventSourcingHandler
    void on(RegionRecorded e) {
        this.key = e.key();
        this.dissolved = false;
    }

    @EventSourcingHandler
    void on(RegionChanged e) {
        this.dissolved = false;
    }

    @EventSourcingHandler
    void on(RegionDissolved e) {
        this.dissolved = true;
    }
}
