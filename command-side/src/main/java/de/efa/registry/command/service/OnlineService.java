package de.efa.registry.command.service;

import de.efa.registry.kernel.common.Conflict;
import de.efa.registry.kernel.common.NotFound;
import de.efa.registry.kernel.common.RuleViolated;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.efa.registry.command.lookup.LeikaKeyClaims;
import de.efa.registry.command.axon.CommandTargets;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.CatalogueFacts;
import de.efa.registry.kernel.service.DeprecateVersion;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.PublishVersion;
import de.efa.registry.kernel.service.RecordCatalogueFacts;
import de.efa.registry.kernel.service.RecordOnlineStatus;
import de.efa.registry.kernel.service.RegisterService;
import de.efa.registry.kernel.service.RetireVersion;
import de.efa.registry.kernel.service.ServiceCatalogueFactsChanged;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionOnlineStatusChanged;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.service.VersionRetired;
import de.efa.registry.kernel.service.VersionStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An online service of one providing state: its versions and their lifecycle. Versions strictly increase; a version
 * only ever moves forwards (ACTIVE → DEPRECATED → RETIRED; retiring an ACTIVE version at once is allowed, for the
 * day a version must go without notice); a successor is always a higher ACTIVE version. Each version remembers its
 * last recorded online status, so that only a change of it becomes an event.
 * <p>
 * Revision 2 added the online status to the remembered versions: Axon skips snapshots of another revision (the
 * {@code RevisionSnapshotFilter} it configures for an aggregate with {@link Revision}), so a service snapshotted
 * before loads from its events instead of from a snapshot that lacks the status.
 */
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
@Aggregate(snapshotTriggerDefinition = "serviceSnapshotTrigger", commandTargetResolver = CommandTargets.BEAN)
public class OnlineService {

    @AggregateIdentifier
    private ServiceId serviceId;
    private StateCode providingState;
    private LeikaKey leikaKey;
    private TreeMap<ServiceVersion, PublishedVersion> versions = new TreeMap<>();
    // snapshots taken before catalogue facts existed lack this field: they keep the default, which is what they had
    private CatalogueFacts catalogue = CatalogueFacts.NONE;

    protected OnlineService() {
        // for Axon
    }

    @CommandHandler
    public OnlineService(RegisterService command, LeikaKeyClaims claims) {
        claims.claim(command.providingState(), command.leikaKey(), command.serviceId());
        // without transactions the claim is taken before the event is stored; give it back if storing fails
        CurrentUnitOfWork.ifStarted(uow -> uow.onRollback(u ->
                claims.release(command.providingState(), command.leikaKey(), command.serviceId())));
        apply(new ServiceRegistered(command.serviceId(), command.leikaKey(), command.name(), command.providingState(),
                command.reuse(), command.topic(), command.description()));
        if (!command.catalogue().equals(CatalogueFacts.NONE)) {
            apply(command.catalogue().changeOf(command.serviceId()));
        }
    }

    /** The whole set replaces the last one; the same set again records nothing. */
    @CommandHandler
    void handle(RecordCatalogueFacts command) {
        if (!command.facts().equals(catalogue)) {
            apply(command.facts().changeOf(serviceId));
        }
    }

    @CommandHandler
    void handle(PublishVersion command) {
        if (versions.containsKey(command.version())) {
            throw new Conflict("Version " + command.version() + " of service " + serviceId + " already exists");
        }
        if (!versions.isEmpty() && !command.version().isHigherThan(versions.lastKey())) {
            throw new RuleViolated("version-not-higher", "Version not higher than the latest",
                    "Version " + command.version() + " is not higher than the latest version " + versions.lastKey());
        }
        apply(new VersionPublished(serviceId, command.version(), command.maturityLevel(), command.maturityModel().id(),
                command.releasedOn(), command.url()));
    }

    @CommandHandler
    void handle(DeprecateVersion command) {
        PublishedVersion version = existing(command.version());
        if (version.status() != VersionStatus.ACTIVE) {
            throw new RuleViolated("version-not-active", "Version not active",
                    "Only an ACTIVE version can be deprecated; " + command.version() + " is " + version.status());
        }
        requireNotBeforeRelease(version, command.sunsetOn(), "sunset");
        requireValidSuccessor(command.version(), command.successor());
        apply(new VersionDeprecated(serviceId, command.version(), command.sunsetOn(), command.successor()));
    }

    @CommandHandler
    void handle(RetireVersion command) {
        PublishedVersion version = existing(command.version());
        if (version.status() == VersionStatus.RETIRED) {
            throw new RuleViolated("version-already-retired", "Version already retired",
                    "Version " + command.version() + " of service " + serviceId + " is already retired");
        }
        requireNotBeforeRelease(version, command.retiredOn(), "retirement");
        requireValidSuccessor(command.version(), command.successor());
        if (command.successor() != null) {
            // the retirement moves every adoption to the successor on its day: no version serves before its release
            requireNotBeforeRelease(versions.get(command.successor()), command.retiredOn(),
                    "retirement (when adoptions move to " + command.successor() + ")");
        }
        apply(new VersionRetired(serviceId, command.version(), command.retiredOn(), command.successor()));
    }

    /** @return whether the status was recorded: false when it is the status recorded last for that version */
    @CommandHandler
    boolean handle(RecordOnlineStatus command) {
        PublishedVersion version = existing(command.version());
        if (version.status() == VersionStatus.RETIRED) {
            throw new RuleViolated("version-retired", "Version retired",
                    "Version " + command.version() + " of service " + serviceId + " is retired; its online status is no longer recorded");
        }
        if (version.onlineStatus() == command.status()) {
            return false;
        }
        apply(new VersionOnlineStatusChanged(serviceId, command.version(), command.status(), command.checkedAt(),
                command.checkedBy(), command.detail()));
        return true;
    }

    private PublishedVersion existing(ServiceVersion version) {
        PublishedVersion published = versions.get(version);
        if (published == null) {
            throw new NotFound("Version " + version + " of service", serviceId);
        }
        return published;
    }

    private void requireNotBeforeRelease(PublishedVersion version, LocalDate date, String what) {
        if (date.isBefore(version.releasedOn())) {
            throw new RuleViolated("date-before-release", "Date before release",
                    "The " + what + " date " + date + " lies before the release on " + version.releasedOn());
        }
    }

    private void requireValidSuccessor(ServiceVersion version, ServiceVersion successor) {
        if (successor == null) {
            return;
        }
        PublishedVersion candidate = versions.get(successor);
        if (candidate == null || candidate.status() != VersionStatus.ACTIVE || !successor.isHigherThan(version)) {
            throw new RuleViolated("invalid-successor", "Invalid successor",
                    "The successor of " + version + " must be a higher ACTIVE version of the same service; " + successor
                            + (candidate == null ? " does not exist" : " is " + candidate.status()));
        }
    }

    @EventSourcingHandler
    void on(ServiceRegistered event) {
        this.serviceId = event.serviceId();
        this.providingState = event.providingState();
        this.leikaKey = event.leikaKey();
    }

    @EventSourcingHandler
    void on(ServiceCatalogueFactsChanged event) {
        this.catalogue = CatalogueFacts.of(event);
    }

    @EventSourcingHandler
    void on(VersionPublished event) {
        versions.put(event.version(), new PublishedVersion(VersionStatus.ACTIVE, event.releasedOn(), null));
    }

    @EventSourcingHandler
    void on(VersionDeprecated event) {
        versions.computeIfPresent(event.version(), (v, p) -> p.withStatus(VersionStatus.DEPRECATED));
    }

    @EventSourcingHandler
    void on(VersionRetired event) {
        versions.computeIfPresent(event.version(), (v, p) -> p.withStatus(VersionStatus.RETIRED));
    }

    @EventSourcingHandler
    void on(VersionOnlineStatusChanged event) {
        versions.computeIfPresent(event.version(), (v, p) -> p.withOnlineStatus(event.status()));
    }
}
