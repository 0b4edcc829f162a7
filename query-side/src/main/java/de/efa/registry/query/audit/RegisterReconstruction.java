package de.efa.registry.query.audit;

import de.efa.registry.eventstore.EventDocument;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Rebuilds the register as of an instant by folding the stored history, independent of every projection.
 * <p>
 * "As of" is the time the registry <em>recorded</em> a change (the event's timestamp), not the business date inside
 * it (an adoption's {@code effectiveFrom}): the auditor asks what the register said at that moment.
 */
@Component
class RegisterReconstruction {

    private final StoredEventLog log;
    private final CurrentRevision currentRevision;

    RegisterReconstruction(StoredEventLog log, CurrentRevision currentRevision) {
        this.log = log;
        this.currentRevision = currentRevision;
    }

    RegisterAsOf asOf(Instant asOf) {
        RegisterFold fold = new RegisterFold();
        // positions are in append order, so folding in position order replays each aggregate in sequence order
        log.scan(0, Long.MAX_VALUE, null, stored -> {
            if (stored.getDate(EventDocument.TIMESTAMP).toInstant().isAfter(asOf)) {
                return true;
            }
            CurrentRevision.UpcastEvent event = currentRevision.of(stored);
            if (RegisterFold.RELEVANT.contains(event.typeName())) {
                Object payload = event.payload();
                if (payload != null) {
                    fold.apply(payload);
                }
            }
            return true;
        });
        return fold.result(asOf);
    }
}
