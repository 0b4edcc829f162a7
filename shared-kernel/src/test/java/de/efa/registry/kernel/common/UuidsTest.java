package de.efa.registry.kernel.common;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Registry-minted ids are lower-case UUIDs; an id in capitals names the same record. */
class UuidsTest {

    @Test
    void aLowerCaseUuidIsTakenAsItIs() {
        String id = "0b7a4c1e-9d2f-4f6a-8e3b-2c5d6e7f8a9b";
        assertThat(Uuids.require(id, "id")).isEqualTo(id);
    }

    @Test
    void aUuidInCapitalsIsTakenInLowerCase() {
        assertThat(Uuids.require("0B7A4C1E-9D2F-4F6A-8E3B-2C5D6E7F8A9B", "id"))
                .isEqualTo("0b7a4c1e-9d2f-4f6a-8e3b-2c5d6e7f8a9b");
    }

    @Test
    void aMissingIdIsRequired() {
        assertThatThrownBy(() -> Uuids.require(null, "serviceId"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("serviceId is required");
    }

    @Test
    void anythingButAUuidIsRefusedAndQuotedShort() {
        assertThatThrownBy(() -> Uuids.require("not-a-uuid", "serviceId"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("serviceId must be a UUID, got 'not-a-uuid'");
        // a UUID with something appended is not a UUID: the whole text must match
        assertThatThrownBy(() -> Uuids.require("0b7a4c1e-9d2f-4f6a-8e3b-2c5d6e7f8a9b0", "id"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void randomIdsAreDistinctLowerCaseUuids() {
        String a = Uuids.random();
        String b = Uuids.random();
        assertThat(a).isNotEqualTo(b);
        assertThat(UUID.fromString(a).toString()).isEqualTo(a);
        assertThat(Uuids.require(a, "id")).isEqualTo(a);
    }
}
