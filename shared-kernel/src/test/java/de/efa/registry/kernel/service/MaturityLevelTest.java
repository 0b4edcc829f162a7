package de.efa.registry.kernel.service;

import de.efa.registry.kernel.common.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OZG maturity model's five levels, 0 to 4, each with its label. */
class MaturityLevelTest {

    @Test
    void levelsZeroToFourAreValid() {
        assertThat(MaturityLevel.of(0).level()).isZero();
        assertThat(MaturityLevel.of(4).level()).isEqualTo(4);
    }

    @Test
    void levelsOutsideZeroToFourAreRefused() {
        assertThatThrownBy(() -> MaturityLevel.of(-1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("maturity level must be between 0 and 4, got -1");
        assertThatThrownBy(() -> MaturityLevel.of(5))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("maturity level must be between 0 and 4, got 5");
    }

    @Test
    void eachLevelHasTheModelsLabel() {
        assertThat(MaturityLevel.of(0).label()).isEqualTo("offline");
        assertThat(MaturityLevel.of(1).label()).isEqualTo("information");
        assertThat(MaturityLevel.of(2).label()).isEqualTo("form assistant");
        assertThat(MaturityLevel.of(3).label()).isEqualTo("online service");
        assertThat(MaturityLevel.of(4).label()).isEqualTo("online transaction");
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
