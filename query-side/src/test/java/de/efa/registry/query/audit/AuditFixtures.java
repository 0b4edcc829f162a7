package de.efa.registry.query.audit;

import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.common.RegistryMetaData;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Puts events into the real store the way aggregates do, with the metadata the platform stamps on them. */
final class AuditFixtures {

    static final String SERVICE = "OnlineService";

    private AuditFixtures() {
    }

    static void append(EventStore store, String aggregateType, String aggregateId, long sequence, Object payload,
                       Instant timestamp, String principal) {
        MetaData metaData = MetaData.with(RegistryMetaData.PRINCIPAL, principal)
                .and(RegistryMetaData.CORRELATION_ID, "corr-" + aggregateId)
                .and(RegistryMetaData.CAUSATION_ID, "cause-" + aggregateId + "-" + sequence);
        store.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence,
                new GenericMessage<>(UUID.randomUUID().toString(), payload, metaData), timestamp));
    }

    static ServiceRegistered registered(ServiceId id, String name, String state) {
        return new ServiceRegistered(id, LeikaKey.of("99" + String.format("%012d", Math.abs((long) id.value().hashCode()))),
                name, StateCode.of(state), ReuseModel.EFA, null, null);
    }

    static VersionPublished published(ServiceId id, String version) {
        return new VersionPublished(id, ServiceVersion.parse(version), MaturityLevel.of(3), MaturityLevel.MODEL,
                LocalDate.of(2024, 1, 1), null);
    }

    static VersionDeprecated deprecated(ServiceId id, String version) {
        return new VersionDeprecated(id, ServiceVersion.parse(version), LocalDate.of(2025, 1, 1), null);
    }

    static AdoptionStarted adopted(String ags, ServiceId id, String version) {
        return new AdoptionStarted(AdoptionId.of(UUID.randomUUID().toString()), Ags.of(ags), id,
                ServiceVersion.parse(version), StateCode.of("16"), false, LocalDate.of(2024, 2, 1));
    }

    static CooperationFounded founded(CooperationId id, String name, String... states) {
        return new CooperationFounded(id, name, List.of(states).stream().map(StateCode::of).toList(), LocalDate.of(2023, 6, 1));
    }

    /** A whole service history: registered, two versions, the first deprecated. */
    static void service(EventStore store, ServiceId id, String name, Instant at) {
        append(store, SERVICE, id.value(), 0, registered(id, name, "16"), at, "thueringen");
        append(store, SERVICE, id.value(), 1, published(id, "1.0.0"), at.plusSeconds(1), "thueringen");
        append(store, SERVICE, id.value(), 2, published(id, "1.1.0"), at.plusSeconds(2), "thueringen");
        append(store, SERVICE, id.value(), 3, deprecated(id, "1.0.0"), at.plusSeconds(3), "system");
    }

    static HttpHeaders basic(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("events");
    }
}
