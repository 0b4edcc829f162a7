package de.efa.registry.query;

import de.efa.registry.eventstore.AppendReceipt;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import de.efa.registry.kernel.adoption.AdoptionAuthorityAssigned;
import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.authority.AuthorityContact;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.authority.AuthorityProfile;
import de.efa.registry.kernel.authority.AuthorityRegistered;
import de.efa.registry.kernel.authority.DestinationId;
import de.efa.registry.kernel.authority.DestinationSignature;
import de.efa.registry.kernel.authority.PostalAddress;
import de.efa.registry.kernel.common.Uuids;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.adoption.SwitchReason;
import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.StateJoinedCooperation;
import de.efa.registry.kernel.cooperation.StateLeftCooperation;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.municipality.MunicipalityDissolved;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.service.VersionRetired;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes events into the real store as the write side would: domain events with aggregate type, id and the next
 * sequence number of that aggregate. Remembers every message, so a test can deliver the same history twice.
 */
public final class RegistryHistory {

    private final EventStore store;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<GenericDomainEventMessage<?>> published = new ArrayList<>();
    private long lastPosition = -1L;

    public RegistryHistory(EventStore store) {
        this.store = store;
    }

    /** @return the global position of the stored event */
    public long append(String aggregateType, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload);
        // in a unit of work that asks for a receipt, as a command's does: the engine notes the position on it
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        AppendReceipt receipt = new AppendReceipt();
        unitOfWork.resources().put(AppendReceipt.RESOURCE, receipt);
        try {
            store.publish(message);
            unitOfWork.commit();
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        published.add(message);
        lastPosition = receipt.lastPosition();
        return lastPosition;
    }

    /** The global position of the event appended last. */
    public long lastPosition() {
        return lastPosition;
    }

    public List<GenericDomainEventMessage<?>> published() {
        return published;
    }

    public long municipality(String ags, String name, long population) {
        Ags key = Ags.of(ags);
        return append("Municipality", ags, new MunicipalityRecorded(key, Ars.of(ags.substring(0, 5) + "0000" + ags.substring(5)),
                name, DistrictKey.of(ags.substring(0, 5)), "Kreis " + ags.substring(0, 5), null, population, 1000,
                "99999", LocalDate.of(2023, 11, 30)));
    }

    public long dissolve(String ags) {
        return append("Municipality", ags, new MunicipalityDissolved(Ags.of(ags), LocalDate.of(2024, 6, 30)));
    }

    public String service(String leikaKey, String name, String providingState, ReuseModel reuse) {
        ServiceId id = ServiceId.random();
        append("OnlineService", id.value(), new ServiceRegistered(id, LeikaKey.of(leikaKey), name,
                StateCode.of(providingState), reuse, "Familie", "about " + name));
        return id.value();
    }

    public long publish(String serviceId, String version, int maturity, LocalDate releasedOn) {
        return publish(serviceId, version, maturity, MaturityLevel.MODEL, releasedOn);
    }

    public long publish(String serviceId, String version, int maturity, String maturityModel, LocalDate releasedOn) {
        return append("OnlineService", serviceId, new VersionPublished(ServiceId.of(serviceId), ServiceVersion.parse(version),
                MaturityLevel.of(maturity), maturityModel, releasedOn, null));
    }

    public long deprecate(String serviceId, String version, LocalDate sunsetOn, String successor) {
        return append("OnlineService", serviceId, new VersionDeprecated(ServiceId.of(serviceId), ServiceVersion.parse(version),
                sunsetOn, successor == null ? null : ServiceVersion.parse(successor)));
    }

    public long retire(String serviceId, String version, LocalDate retiredOn, String successor) {
        return append("OnlineService", serviceId, new VersionRetired(ServiceId.of(serviceId), ServiceVersion.parse(version),
                retiredOn, successor == null ? null : ServiceVersion.parse(successor)));
    }

    public String adopt(String ags, String serviceId, String version, String providingState, LocalDate from) {
        AdoptionId id = AdoptionId.random();
        append("Municipality", ags, new AdoptionStarted(id, Ags.of(ags), ServiceId.of(serviceId), ServiceVersion.parse(version),
                StateCode.of(providingState), !ags.startsWith(providingState), from));
        return id.value();
    }

    public long switchVersion(String ags, String adoptionId, String serviceId, String from, String to, LocalDate on,
                              SwitchReason reason) {
        return append("Municipality", ags, new AdoptionVersionSwitched(AdoptionId.of(adoptionId), Ags.of(ags),
                ServiceId.of(serviceId), ServiceVersion.parse(from), ServiceVersion.parse(to), on, reason));
    }

    public long unsupported(String ags, String adoptionId, String serviceId, String version, LocalDate since) {
        return append("Municipality", ags, new AdoptionMarkedUnsupported(AdoptionId.of(adoptionId), Ags.of(ags),
                ServiceId.of(serviceId), ServiceVersion.parse(version), since));
    }

    public long end(String ags, String adoptionId, String serviceId, LocalDate endsOn) {
        return append("Municipality", ags, new AdoptionEnded(AdoptionId.of(adoptionId), Ags.of(ags), ServiceId.of(serviceId), endsOn));
    }

    public String cooperation(String name, LocalDate signedOn, String... states) {
        CooperationId id = CooperationId.random();
        append("Cooperation", id.value(), new CooperationFounded(id, name,
                java.util.Arrays.stream(states).map(StateCode::of).toList(), signedOn));
        return id.value();
    }

    public long join(String cooperationId, String state, LocalDate on) {
        return append("Cooperation", cooperationId, new StateJoinedCooperation(CooperationId.of(cooperationId), StateCode.of(state), on));
    }

    public long leave(String cooperationId, String state, LocalDate on) {
        return append("Cooperation", cooperationId, new StateLeftCooperation(CooperationId.of(cooperationId), StateCode.of(state), on));
    }

    /** An authority of a state; with {@code routable} it records a FIT-Connect destination and its signature. */
    public String authority(String state, String name, boolean routable) {
        AuthorityId id = AuthorityId.random();
        append("Authority", id.value(), new AuthorityRegistered(id, StateCode.of(state), new AuthorityProfile(name,
                name.length() > 30 ? name.substring(0, 30) : name, new PostalAddress("Marktplatz", "1", "99084", "Erfurt"),
                new AuthorityContact("post@example.de", "+49 361 0"), routable ? DestinationId.of(Uuids.random()) : null,
                routable ? DestinationSignature.of("eyJhbGciOiJQUzUxMiJ9.eyJkIjoiMSJ9.c2ln") : null, null)));
        return id.value();
    }

    public long assignAuthority(String ags, String adoptionId, String serviceId, String authorityId, LocalDate from) {
        return append("Municipality", ags, new AdoptionAuthorityAssigned(AdoptionId.of(adoptionId), Ags.of(ags),
                ServiceId.of(serviceId), AuthorityId.of(authorityId), from));
    }
}
