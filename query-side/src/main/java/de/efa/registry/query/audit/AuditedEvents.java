package de.efa.registry.query.audit;

import de.efa.registry.eventstore.EventDocument;
import de.efa.registry.kernel.common.RegistryMetaData;
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
        Document metaData = stored.get(EventDocument.META_DATA, Document.class);
        if (metaData == null) {
            metaData = new Document();
        }
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
                        text(metaData.get(RegistryMetaData.PRINCIPAL)),
                        text(metaData.get(RegistryMetaData.CORRELATION_ID)),
                        text(metaData.get(RegistryMetaData.CAUSATION_ID)),
                        stored.getString(EventDocument.HASH),
                        stored.getString(EventDocument.PREVIOUS_HASH)));
    }

    static String simpleName(String typeName) {
        return typeName == null ? null : typeName.substring(typeName.lastIndexOf('.') + 1);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
