package de.efa.registry.kernel.common;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The base of every identifier the registry mints itself (services, adoptions, cooperations, jobs): a lower-case
 * UUID, refused at the door in any other form ({@link Uuids}), written as its bare text in JSON, events and URLs.
 * Two ids are equal only if they are of the same kind — an adoption's id never equals a service's.
 */
public abstract class MintedId {

    private final String value;

    /** @param what the id's name in a refusal, e.g. {@code adoptionId} */
    protected MintedId(String value, String what) {
        this.value = Uuids.require(value, what);
    }

    @JsonValue
    public final String value() {
        return value;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((MintedId) other).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }
}
