package de.efa.registry.kernel.service;

import de.efa.registry.kernel.common.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Maturity levels of the two models: 0 to 4 in OZG-1.0, 0 to 7 in OZG-2.0, and nothing beyond. */
class MaturityLevelTest {

    private static final ServiceId SERVICE = ServiceId.of("0b4c4a5e-8f1e-4d55-9a55-1d9e5c2b7a10");
    private static final LocalDate RELEASED = LocalDate.of(2024, 1, 1);

    @Test
    void levelsZeroToSevenAreLevelsOfSomeModel() {
        assertThat(MaturityLevel.of(0).level()).isZero();
        assertThat(MaturityLevel.of(7).level()).isEqualTo(7);
    }

    @Test
    void levelsOutsideEveryModelAreRefused() {
        assertThatThrownBy(() -> MaturityLevel.of(-1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("maturity level must be between 0 and 4 (model OZG-1.0) or 0 and 7 (model OZG-2.0), got -1");
        assertThatThrownBy(() -> MaturityLevel.of(8))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageEndingWith("got 8");
    }

    @Test
    void eachModelHasItsOwnHighestLevel() {
        MaturityModel.OZG_1_0.requireLevel(MaturityLevel.of(4));
        assertThatThrownBy(() -> MaturityModel.OZG_1_0.requireLevel(MaturityLevel.of(5)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("maturity level 5 does not exist in model OZG-1.0 (levels 0 to 4)");
        MaturityModel.OZG_2_0.requireLevel(MaturityLevel.of(7));
        assertThat(MaturityModel.named("OZG-2.0")).isSameAs(MaturityModel.OZG_2_0).hasToString("OZG-2.0");
        assertThatThrownBy(() -> MaturityModel.named("OZG-3.0")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("OZG-1.0, OZG-2.0");
    }

    @Test
    void aVersionNamingNoModelIsOnTheFirstAndItsLevelMustExistThere() {
        ServiceVersion version = ServiceVersion.parse("1.0.0");
        assertThat(new PublishVersion(SERVICE, version, MaturityLevel.of(4), RELEASED, null).maturityModel())
                .isSameAs(MaturityModel.OZG_1_0).isSameAs(MaturityModel.FIRST);
        assertThatThrownBy(() -> new PublishVersion(SERVICE, version, MaturityLevel.of(6), null, RELEASED, null))
                .isInstanceOf(InvalidValueException.class);
        assertThat(new PublishVersion(SERVICE, version, MaturityLevel.of(6), MaturityModel.OZG_2_0, RELEASED, null)
                .maturityLevel()).isEqualTo(MaturityLevel.of(6));
    }

    @Test
    void levelsCompareByNumberAndPrintAsTheNumber() {
        assertThat(MaturityLevel.of(2).compareTo(MaturityLevel.of(3))).isNegative();
        assertThat(MaturityLevel.of(3).compareTo(MaturityLevel.of(2))).isPositive();
        assertThat(MaturityLevel.of(3).compareTo(MaturityLevel.of(3))).isZero();
        assertThat(MaturityLevel.of(3)).hasToString("3");
        assertThat(MaturityLevel.MODEL).isEqualTo("OZG-1.0");
    }
}
