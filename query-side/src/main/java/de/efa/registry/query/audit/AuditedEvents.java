package de.efa.registry.query.audit;

import de.efa.registry.eventstore.Attribution;
import de.efa.registry.eventstore.ChainRevision;
import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.eventstore.HashChain;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Turns stored event documents into what the audit API shows. */
@Component
class AuditedEvents {

    private final CurrentRevision currentRevision;

    AuditedEvents(CurrentRevision currentRevision) {
        this.currentRevision = currentRevision;
    }

    AuditedEvent view(Document stored) {
        return view(stored, currentRevision.of(stored));
    }

    AuditedEvent view(Document stored, CurrentRevision.UpcastEvent event) {
        return view(stored, event, null);
    }

    /** The event with what a verifier needs besides: the stored type and the payload text exactly as hashed. */
    AuditedEvent exported(Document stored, CurrentRevision.UpcastEvent event) {
        return view(stored, event, new AuditedEvent.Stored(stored.getString(EventDocument.PAYLOAD_TYPE),
                stored.getString(EventDocument.PAYLOAD_REVISION),
                HashChain.canonicalPayload(stored.get(EventDocument.PAYLOAD, Document.class))));
    }

    private AuditedEvent view(Document stored, CurrentRevision.UpcastEvent event, AuditedEvent.Stored hashed) {
        // the values shown are the very values revision 2 hashes: a verifier of the export recomputes from them
        Attribution attribution = Attribution.of(stored.get(EventDocument.META_DATA, Document.class));
        return new AuditedEvent(
                StoredEventLog.position(stored),
                stored.getString(EventDocument.AGGREGATE_TYPE),
                stored.getString(EventDocument.AGGREGATE_ID),
                StoredEventLog.sequence(stored),
                simpleName(event.typeName()),
                event.revision(),
                stored.getDate(EventDocument.TIMESTAMP).toInstant(),
                event.payloadTree(),
                new AuditedEvent.Provenance(
                        attribution.principal(),
                        attribution.correlationId(),
                        attribution.causationId(),
                        stored.getString(EventDocument.HASH),
                        stored.getString(EventDocument.PREVIOUS_HASH),
                        chainRevision(stored.get(EventDocument.CHAIN_REVISION))),
                hashed);
    }

    /**
     * The stored revision number as it is, so that a verifier judges it: absent is 1 (events from before revisions);
     * a value that is no number at all (only tampering writes one) shows as 0, which no revision has.
     */
    private static int chainRevision(Object stored) {
        if (stored == null) {
            return ChainRevision.ORIGINAL.number();
        }
        return stored instanceof Number number ? number.intValue() : 0;
    }

    static String simpleName(String typeName) {
        return typeName == null ? null : typeName.substring(typeName.lastIndexOf('.') + 1);
    }
}
