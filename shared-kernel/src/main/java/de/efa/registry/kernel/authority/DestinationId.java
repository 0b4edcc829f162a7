package de.efa.registry.kernel.authority;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.efa.registry.kernel.common.Uuids;

/**
 * The FIT-Connect destination (Zustellpunkt) an authority receives applications at: a UUID that FIT-Connect assigned,
 * not the registry — kept in lower case, the form the routing answers carry.
 */
public record DestinationId(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DestinationId {
        value = Uuids.require(value, "destinationId");
    }

    public static DestinationId of(String value) {
        return new DestinationId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
