package de.efa.registry.kernel.reuse;

import com.fasterxml.jackson.annotation.JsonCreator;
import de.efa.registry.kernel.common.MintedId;
import de.efa.registry.kernel.common.Uuids;

/** Identifies one reuse agreement (a UUID the registry mints). */
public final class AgreementId extends MintedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AgreementId(String value) {
        super(value, "agreementId");
    }

    public static AgreementId of(String value) {
        return new AgreementId(value);
    }

    public static AgreementId random() {
        return new AgreementId(Uuids.random());
    }
}
