package de.efa.registry.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.common.RegistryMetaData;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionPublished;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Realistic registry events: a municipality aggregate (id = AGS) adopting services, with the metadata every stored
 * event carries. Stored, one is about 600 bytes of BSON — the size of the registry's own records.
 */
final class RegistryEvents {

    /** The application's event serializer (Jackson with Java time, ISO dates). */
    static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    /** A history spread over time, one event a second from here on (matters to the peer's timestamp tokens). */
    private static final Instant HISTORY_START = Instant.parse("2021-01-01T00:00:00Z");

    private static final List<ServiceId> SERVICES = new ArrayList<>();

    static {
        for (int i = 0; i < 64; i++) {
            SERVICES.add(ServiceId.of(new UUID(0x0123_4567_89ab_4defL, 0x8000_0000_0000_0000L | i).toString()));
        }
    }

    private RegistryEvents() {
    }

    /** A municipality key for aggregate number {@code n} of a run (8 digits, a valid state prefix). */
    static String ags(String run, int n) {
        int state = 1 + Math.floorMod(n, 16);
        int rest = Math.floorMod((run.hashCode() * 31 + n) * 7919, 1_000_000);
        // the run prefix keeps aggregates of different rounds apart even when the digits repeat
        return String.format("%02d%06d", state, rest);
    }

    /**
     * The {@code sequence}-th event of a municipality: even numbers adopt a service, odd ones record a published
     * version (the two records the registry writes most).
     */
    static DomainEventMessage<?> event(String aggregateId, long sequence, long ordinal) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ServiceId service = SERVICES.get(random.nextInt(SERVICES.size()));
        Object payload;
        String agsDigits = aggregateId.substring(aggregateId.length() - 8);
        if (sequence % 2 == 0) {
            StateCode providing = StateCode.of(String.format("%02d", 1 + random.nextInt(16)));
            payload = new AdoptionStarted(AdoptionId.random(), Ags.of(agsDigits), service,
                    new ServiceVersion(1 + random.nextInt(3), random.nextInt(10), random.nextInt(20)), providing,
                    !providing.equals(Ags.of(agsDigits).state()), LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1500)));
        } else {
            payload = new VersionPublished(service, new ServiceVersion(2, random.nextInt(10), random.nextInt(20)),
                    MaturityLevel.of(random.nextInt(5)), "OZG-1.0", LocalDate.of(2022, 3, 1).plusDays(random.nextInt(900)),
                    "https://efa.example.de/services/" + service.value() + "/versions/latest");
        }
        MetaData metaData = MetaData.from(Map.of(
                RegistryMetaData.PRINCIPAL, "owner-" + agsDigits.substring(0, 2) + "@digital.land.example.de",
                RegistryMetaData.CORRELATION_ID, UUID.randomUUID().toString(),
                RegistryMetaData.CAUSATION_ID, UUID.randomUUID().toString()));
        return new GenericDomainEventMessage<>("Municipality", aggregateId, sequence, payload, metaData,
                UUID.randomUUID().toString(), HISTORY_START.plusSeconds(ordinal));
    }

    /**
     * The document our engine would store for {@code event} (same fields, same payload and metadata documents, a
     * hash of the same length), built outside any timed section: what the raw driver baseline inserts.
     */
    static Document rawDocument(DomainEventMessage<?> event, long position) {
        SerializedObject<String> payload = event.serializePayload(SERIALIZER, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(SERIALIZER, String.class);
        byte[] fakeHash = new byte[32];
        ThreadLocalRandom.current().nextBytes(fakeHash);
        String hash = HexFormat.of().formatHex(fakeHash);
        return new Document(EventDocument.POSITION, position)
                .append(EventDocument.AGGREGATE_TYPE, event.getType())
                .append(EventDocument.AGGREGATE_ID, event.getAggregateIdentifier())
                .append(EventDocument.SEQUENCE, event.getSequenceNumber())
                .append(EventDocument.STREAM_KEY, EventDocument.streamKey(event.getAggregateIdentifier(), event.getSequenceNumber()))
                .append(EventDocument.EVENT_ID, event.getIdentifier())
                .append(EventDocument.PAYLOAD_TYPE, payload.getType().getName())
                .append(EventDocument.PAYLOAD_REVISION, payload.getType().getRevision())
                .append(EventDocument.TIMESTAMP, Date.from(event.getTimestamp()))
                .append(EventDocument.PAYLOAD, Document.parse(payload.getData()))
                .append(EventDocument.META_DATA, Document.parse(metaData.getData()))
                .append(EventDocument.HASH, hash)
                .append(EventDocument.PREVIOUS_HASH, hash);
    }
}
