package de.efa.registry.kernel.adoption;

import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.reuse.AgreementId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a cross-border adoption rests on: a cooperation or an agreement, named by its id. */
class CrossBorderBasisTest {

    @Test
    void aBasisIsACooperationOrAnAgreement() {
        CooperationId cooperation = CooperationId.random();
        AgreementId agreement = AgreementId.random();

        assertThat(CrossBorderBasis.cooperation(cooperation))
                .isEqualTo(new CrossBorderBasis(CrossBorderBasis.Kind.COOPERATION, cooperation.value()));
        assertThat(CrossBorderBasis.agreement(agreement))
                .isEqualTo(new CrossBorderBasis(CrossBorderBasis.Kind.AGREEMENT, agreement.value()));
    }

    @Test
    void onlyThatAgreementIsTheAgreementItRestsOn() {
        AgreementId agreement = AgreementId.random();
        assertThat(CrossBorderBasis.agreement(agreement).isAgreement(agreement)).isTrue();
        assertThat(CrossBorderBasis.agreement(agreement).isAgreement(AgreementId.random())).isFalse();
        // a cooperation that happens to carry the same id is no agreement
        assertThat(new CrossBorderBasis(CrossBorderBasis.Kind.COOPERATION, agreement.value()).isAgreement(agreement)).isFalse();
    }

    @Test
    void aBasisNamesItsKindAndAUuid() {
        assertThatThrownBy(() -> new CrossBorderBasis(null, AgreementId.random().value()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CrossBorderBasis(CrossBorderBasis.Kind.AGREEMENT, "x"))
                .isInstanceOf(InvalidValueException.class);
    }
}
