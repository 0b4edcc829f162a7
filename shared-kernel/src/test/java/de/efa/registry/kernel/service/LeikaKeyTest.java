package de.efa.registry.kernel.service;

import de.efa.registry.kernel.common.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LeiKa keys are 14 digits; the federal ones start with 99. */
class LeikaKeyTest {

    @Test
    void aKeyIsFourteenDigits() {
        LeikaKey key = LeikaKey.of("99123456789012");
        assertThat(key.value()).isEqualTo("99123456789012");
        assertThat(key).hasToString("99123456789012");
        assertThatThrownBy(() -> LeikaKey.of("9912345678901")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void onlyKeysStartingWithNinetyNineAreFederal() {
        assertThat(LeikaKey.of("99123456789012").isFederal()).isTrue();
        assertThat(LeikaKey.of("09123456789012").isFederal()).isFalse();
        assertThat(LeikaKey.of("98999999999999").isFederal()).isFalse();
    }
}
