package de.efa.registry.kernel.ids;

import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.service.ServiceId;
import org.junit.jupiter.api.Test;

import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Service, adoption and cooperation ids are registry-minted lower-case UUIDs, named in the refusal. */
class IdsTest {

    private static final String UPPER = "0B7A4C1E-9D2F-4F6A-8E3B-2C5D6E7F8A9B";
    private static final String LOWER = "0b7a4c1e-9d2f-4f6a-8e3b-2c5d6e7f8a9b";

    @Test
    void aServiceIdIsALowerCaseUuid() {
        assertIdRules(ServiceId::of, ServiceId::random, ServiceId::value, "serviceId");
    }

    @Test
    void anAdoptionIdIsALowerCaseUuid() {
        assertIdRules(AdoptionId::of, AdoptionId::random, AdoptionId::value, "adoptionId");
    }

    @Test
    void aCooperationIdIsALowerCaseUuid() {
        assertIdRules(CooperationId::of, CooperationId::random, CooperationId::value, "cooperationId");
    }

    @Test
    void anAuthorityAnAgreementAndAnOfferIdAreLowerCaseUuids() {
        assertIdRules(de.efa.registry.kernel.authority.AuthorityId::of, de.efa.registry.kernel.authority.AuthorityId::random,
                de.efa.registry.kernel.authority.AuthorityId::value, "authorityId");
        assertIdRules(de.efa.registry.kernel.reuse.AgreementId::of, de.efa.registry.kernel.reuse.AgreementId::random,
                de.efa.registry.kernel.reuse.AgreementId::value, "agreementId");
        assertIdRules(de.efa.registry.kernel.reuse.OfferId::of, de.efa.registry.kernel.reuse.OfferId::random,
                de.efa.registry.kernel.reuse.OfferId::value, "offerId");
    }

    private static <T> void assertIdRules(Function<String, T> of, Supplier<T> random, Function<T, String> value,
                                          String name) {
        T id = of.apply(UPPER);
        // an id in capitals names the same record as in lower case
        assertThat(value.apply(id)).isEqualTo(LOWER);
        assertThat(id).hasToString(LOWER).isEqualTo(of.apply(LOWER));

        T minted = random.get();
        assertThat(value.apply(minted)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(minted).isNotEqualTo(random.get());

        assertThatThrownBy(() -> of.apply("x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(name + " must be a UUID, got 'x'");
    }
}
