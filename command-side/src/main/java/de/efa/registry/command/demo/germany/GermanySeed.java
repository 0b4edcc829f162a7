package de.efa.registry.command.demo.germany;

import de.efa.registry.command.demo.germany.GermanyRegisterPlan.PlannedAdoption;
import de.efa.registry.command.demo.germany.GermanyRegisterPlan.PlannedService;
import de.efa.registry.command.demo.germany.GermanyRegisterPlan.PlannedVersion;
import de.efa.registry.command.municipality.directory.DirectoryImport;
import de.efa.registry.command.municipality.directory.ImportResult;
import de.efa.registry.command.municipality.directory.OfficialDirectory;
import de.efa.registry.command.web.CommandFanOut;
import de.efa.registry.command.web.RequestMetaData;
import de.efa.registry.eventstore.MongoEventStorageEngine;
import de.efa.registry.kernel.adoption.AdoptService;
import de.efa.registry.kernel.adoption.TerminateAdoption;
import de.efa.registry.kernel.cooperation.FoundCooperation;
import de.efa.registry.kernel.cooperation.JoinCooperation;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.DeprecateVersion;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.PublishVersion;
import de.efa.registry.kernel.service.RegisterService;
import de.efa.registry.kernel.service.RetireVersion;
import de.efa.registry.command.demo.DemoSeedProperties;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static de.efa.registry.platform.security.DemoPrincipals.ownerOf;

/**
 * {@code registry.demo.seed=germany} on an empty store: the whole official directory (10,981 municipalities) and a
 * register as Germany might hold it — {@link ServiceCatalogue the OZG services} of all sixteen states, cooperations,
 * some 235,000 adoptions by whole states, districts and single municipalities from 2020 to 2026, terminations,
 * deprecations and retirements with successors ({@link GermanyRegisterPlan}). Every record goes through the command
 * path in the name of the demo principal that would send it: {@code admin} imports the directory, each state's owner
 * acts for its services and municipalities. {@code registry.demo.germany.scale} (default 1) keeps the adoptions of
 * that share of municipalities only, for tests and slow stores.
 */
@Component
@ConditionalOnProperty(name = "registry.demo.seed", havingValue = "germany")
class GermanySeed {

    private static final Logger log = LoggerFactory.getLogger(GermanySeed.class);
    /** Commands per fan-out call: the progress counter moves at least this often. */
    private static final int CHUNK = 1_000;

    private final MongoEventStorageEngine eventStore;
    private final DirectoryImport directoryImport;
    private final CommandGateway commands;
    private final CommandFanOut fanOut;
    private final double scale;
    private volatile Outcome outcome;

    /** What the seed recorded, and how many of its commands were refused (none, when the plan keeps the rules). */
    record Outcome(GermanyRegisterPlan plan, ImportResult directory, int refused, long seconds) {
    }

    GermanySeed(MongoEventStorageEngine eventStore, DirectoryImport directoryImport, CommandGateway commands,
                CommandFanOut fanOut, DemoSeedProperties properties) {
        this.eventStore = eventStore;
        this.directoryImport = directoryImport;
        this.commands = commands;
        this.fanOut = fanOut;
        this.scale = properties.germany().scale();
    }

    Outcome outcome() {
        return outcome;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (eventStore.headPosition() != 0) {
            log.info("Germany seed skipped: the store is not empty (head position {})", eventStore.headPosition());
            return;
        }
        try (SeedProgress progress = new SeedProgress(eventStore::headPosition)) {
            progress.step("planning the register at scale " + scale, 0);
            GermanyRegisterPlan plan = GermanyRegisterPlan.of(OfficialDirectory.inhabitedMunicipalities(), scale);

            progress.step("importing the municipality directory", 0);
            ImportResult directory = directoryImport.importFile(OfficialDirectory.bytes(), RequestMetaData.of("admin"));

            progress.step("founding cooperations", 0);
            for (PlannedCooperation c : plan.cooperations()) {
                send(ownerOf(c.founders().get(0)), new FoundCooperation(c.id(), c.name(), c.founders(), c.signedOn()));
                c.joiners().forEach((state, joinedOn) -> send(ownerOf(state), new JoinCooperation(c.id(), state, joinedOn)));
            }

            progress.step("registering services and publishing versions", 0);
            for (PlannedService s : plan.services()) {
                String owner = ownerOf(s.provider());
                send(owner, new RegisterService(s.id(), s.offered().leikaKey(), s.offered().name(), s.provider(),
                        s.offered().reuse(), s.offered().topic(), null));
                for (PlannedVersion v : s.versions()) {
                    send(owner, new PublishVersion(s.id(), v.version(), MaturityLevel.of(v.maturity()), v.releasedOn(),
                            "https://service.example.org/" + s.id() + "/" + v.version()));
                }
            }

            int refused = 0;
            progress.step("adopting", plan.adoptions().size());
            for (Map.Entry<StateCode, List<PlannedAdoption>> state : plan.adoptionsByState().entrySet()) {
                // one municipality's adoptions side by side: the fan-out's workers then rarely meet on one aggregate
                List<PlannedAdoption> adoptions = new ArrayList<>(state.getValue());
                adoptions.sort(Comparator.comparing(a -> a.ags().value()));
                refused += fanOut(progress, ownerOf(state.getKey()), adoptions,
                        a -> new AdoptService(a.ags(), a.id(), a.service().id(), a.version(), a.effectiveFrom()));
            }

            progress.step("ending adoptions", plan.terminations().size());
            Map<StateCode, List<GermanyRegisterPlan.PlannedTermination>> endingByState = new java.util.TreeMap<>();
            plan.terminations().forEach(t -> endingByState.computeIfAbsent(t.adoption().ags().state(), s -> new ArrayList<>()).add(t));
            for (Map.Entry<StateCode, List<GermanyRegisterPlan.PlannedTermination>> state : endingByState.entrySet()) {
                refused += fanOut(progress, ownerOf(state.getKey()), state.getValue(),
                        t -> new TerminateAdoption(t.adoption().ags(), t.adoption().id(), t.endsOn()));
            }

            progress.step("deprecating and retiring versions", 0);
            for (GermanyRegisterPlan.PlannedDeprecation d : plan.deprecations()) {
                send(ownerOf(d.service().provider()), new DeprecateVersion(d.service().id(), d.version(), d.sunsetOn(), d.successor()));
            }
            for (GermanyRegisterPlan.PlannedRetirement r : plan.retirements()) {
                // the retirement process moves the version's adoptions to the successor after this command
                send(ownerOf(r.service().provider()), new RetireVersion(r.service().id(), r.version(), r.retiredOn(), r.successor()));
            }

            outcome = new Outcome(plan, directory, refused, progress.seconds());
            log.info("Germany seed done in {}s: {} municipalities (Gebietsstand {}), {} cooperations, {} services from {} states,"
                            + " {} adoptions ({} cross-border), {} ended, {} versions deprecated, {} retired (moving {} adoptions);"
                            + " {} commands refused; head position {}",
                    progress.seconds(), directory.municipalities(), directory.gebietsstand(), plan.cooperations().size(),
                    plan.services().size(), plan.providingStates(), plan.adoptions().size(), plan.crossBorderAdoptions(),
                    plan.terminations().size(), plan.deprecations().size(), plan.retirements().size(),
                    plan.movedByRetirements(), refused, eventStore.headPosition());
        }
    }

    /** Many commands of one state's owner, a chunk at a time on the fan-out's workers; returns how many were refused. */
    private <T> int fanOut(SeedProgress progress, String owner, List<T> items, Function<T, Object> toCommand) {
        int refused = 0;
        for (int from = 0; from < items.size(); from += CHUNK) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
            for (CommandFanOut.Outcome<T> o : fanOut.send(chunk, toCommand::apply, RequestMetaData.of(owner))) {
                if (o.failure() != null) {
                    if (refused++ < 5) {
                        log.warn("Germany seed: {} refused {}: {}", owner, o.item(), o.failure().toString());
                    }
                }
            }
            progress.sent(chunk.size());
        }
        return refused;
    }

    private void send(String principal, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(RequestMetaData.of(principal)));
    }
}
