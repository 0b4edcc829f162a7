package de.efa.registry.kernel.reuse;

import com.fasterxml.jackson.annotation.JsonCreator;
import de.efa.registry.kernel.common.MintedId;
import de.efa.registry.kernel.common.Uuids;

/** Identifies one reuse offer (a UUID the registry mints). */
public final class OfferId extends MintedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OfferId(String value) {
        super(value, "offerId");
    }

    public static OfferId of(String value) {
        return new OfferId(value);
    }

    public static OfferId random() {
        return new OfferId(Uuids.random());
    }
}
