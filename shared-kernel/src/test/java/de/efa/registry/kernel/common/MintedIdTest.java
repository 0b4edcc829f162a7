package de.efa.registry.kernel.common;

import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.service.ServiceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MintedIdTest {

    private static final String UUID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void anIdIsItsUuidInLowerCase() {
        AdoptionId id = AdoptionId.of(UUID.toUpperCase());
        assertThat(id.value()).isEqualTo(UUID);
        assertThat(id).hasToString(UUID).isEqualTo(new AdoptionId(UUID)).hasSameHashCodeAs(new AdoptionId(UUID));
    }

    @Test
    void idsOfDifferentKindsAreNeverEqual() {
        assertThat((Object) ServiceId.of(UUID)).isNotEqualTo(AdoptionId.of(UUID)).isNotEqualTo(CooperationId.of(UUID))
                .isNotEqualTo(UUID).isNotEqualTo(null);
        assertThat(ServiceId.of(UUID)).isNotEqualTo(ServiceId.random());
        // hashed by the UUID: two ids in one hash map do not all fall into one bucket
        assertThat(ServiceId.of(UUID).hashCode()).isEqualTo(UUID.hashCode());
    }

    @Test
    void anythingButAUuidIsRefusedNamingTheId() {
        assertThatThrownBy(() -> ServiceId.of("16051000")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("serviceId must be a UUID");
        assertThatThrownBy(() -> CooperationId.of(null)).isInstanceOf(InvalidValueException.class)
                .hasMessage("cooperationId is required");
        assertThatThrownBy(() -> AdoptionId.of(UUID + "0")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("adoptionId");
    }

    @Test
    void aMintedIdIsAFreshUuid() {
        assertThat(AdoptionId.random().value()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(AdoptionId.random()).isNotEqualTo(AdoptionId.random());
    }
}
