package de.efa.registry.kernel.municipality;

import de.efa.registry.kernel.common.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Länderschlüssel 01–16, each with its state's name and abbreviation. */
class StateCodeTest {

    @Test
    void theFirstAndTheLastStateCodesAreValid() {
        assertThat(StateCode.of("01").value()).isEqualTo("01");
        assertThat(StateCode.of("16").value()).isEqualTo("16");
    }

    @Test
    void codesOutsideOneToSixteenAreRefused() {
        assertThatThrownBy(() -> StateCode.of("00"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("state code must be between 01 and 16, got '00'");
        assertThatThrownBy(() -> StateCode.of("17"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("state code must be between 01 and 16, got '17'");
    }

    @Test
    void aStateCodeIsExactlyTwoDigits() {
        assertThatThrownBy(() -> StateCode.of("1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> StateCode.of(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void thereAreSixteenStatesInOrder() {
        List<StateCode> all = StateCode.all();
        assertThat(all).hasSize(16);
        assertThat(all.get(0)).isEqualTo(StateCode.of("01"));
        assertThat(all.get(15)).isEqualTo(StateCode.of("16"));
        assertThat(all).isSorted();
    }

    @Test
    void eachCodeNamesItsState() {
        assertThat(StateCode.of("01").stateName()).isEqualTo("Schleswig-Holstein");
        assertThat(StateCode.of("09").stateName()).isEqualTo("Bayern");
        assertThat(StateCode.of("16").stateName()).isEqualTo("Thüringen");
        assertThat(StateCode.of("01").abbreviation()).isEqualTo("SH");
        assertThat(StateCode.of("09").abbreviation()).isEqualTo("BY");
        assertThat(StateCode.of("16").abbreviation()).isEqualTo("TH");
    }

    @Test
    void codesCompareByTheirNumber() {
        assertThat(StateCode.of("02").compareTo(StateCode.of("10"))).isNegative();
        assertThat(StateCode.of("10").compareTo(StateCode.of("02"))).isPositive();
        assertThat(StateCode.of("05").compareTo(StateCode.of("05"))).isZero();
    }

    @Test
    void theTextFormIsTheCode() {
        assertThat(StateCode.of("08")).hasToString("08");
    }
}
