package de.efa.registry.platform.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.VersionPublished;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@link VersionPublished} revision 1 (stored without a revision, or as {@code "1"}) had no {@code maturityModel}:
 * every level then was on the only model there was, {@value MaturityLevel#MODEL}. Revision 2 names it, so that a later
 * model can coexist. Old events stay as they were stored (they are hashed); they are lifted on every read.
 */
@Component
@Order(0)
public class VersionPublishedMaturityModelUpcaster extends SingleEventUpcaster {

    static final String TYPE = VersionPublished.class.getName();
    static final String TARGET_REVISION = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return TYPE.equals(representation.getType().getName()) && (revision == null || "1".equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, TARGET_REVISION), JsonNode.class, payload -> {
            // a copy, never the stored tree itself: processors that share the event store's cache of recent events
            // lift the same message at once, and two puts into one ObjectNode can leave the key in it twice
            if (payload instanceof ObjectNode object && !object.hasNonNull("maturityModel")) {
                return object.deepCopy().put("maturityModel", MaturityLevel.MODEL);
            }
            return payload;
        });
    }
}
