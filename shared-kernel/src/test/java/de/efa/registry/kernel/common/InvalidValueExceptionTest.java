package de.efa.registry.kernel.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The web layer answers an InvalidValueException with a 400 problem that names the field when one is known. */
class InvalidValueExceptionTest {

    @Test
    void aRefusalNamesTheFieldWhenOneIsGiven() {
        InvalidValueException e = new InvalidValueException("ags", "AGS is required");
        assertThat(e.field()).isEqualTo("ags");
        assertThat(e).hasMessage("AGS is required").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusalWithoutAFieldHasNone() {
        InvalidValueException e = new InvalidValueException("bad");
        assertThat(e.field()).isNull();
        assertThat(e).hasMessage("bad");
    }
}
