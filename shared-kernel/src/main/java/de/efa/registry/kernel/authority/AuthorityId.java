package de.efa.registry.kernel.authority;

import com.fasterxml.jackson.annotation.JsonCreator;
import de.efa.registry.kernel.common.MintedId;
import de.efa.registry.kernel.common.Uuids;

/** Identifies one authority (Organisationseinheit) — a UUID the registry mints. */
public final class AuthorityId extends MintedId {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AuthorityId(String value) {
        super(value, "authorityId");
    }

    public static AuthorityId of(String value) {
        return new AuthorityId(value);
    }

    public static AuthorityId random() {
        return new AuthorityId(Uuids.random());
    }
}
