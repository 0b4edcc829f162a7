package de.efa.registry.kernel.service;

import de.efa.registry.kernel.common.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A version's online status in the words the Dashboard Digitale Verwaltung uses; a maturity model by its name. */
class OnlineStatusTest {

    @Test
    void theStatusIsWrittenAndReadInTheDashboardsWords() {
        assertThat(OnlineStatus.OK.text()).isEqualTo("ok");
        assertThat(OnlineStatus.NOT_OK.text()).isEqualTo("nicht ok");
        assertThat(OnlineStatus.of("ok")).isEqualTo(OnlineStatus.OK);
        assertThat(OnlineStatus.of("nicht ok")).isEqualTo(OnlineStatus.NOT_OK);
        assertThatThrownBy(() -> OnlineStatus.of("OK")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'ok' or 'nicht ok', got 'OK'");
    }

    @Test
    void aMaturityModelIsNamedByItsId() {
        assertThat(MaturityModel.named("OZG-2.0").id()).isEqualTo("OZG-2.0");
        assertThat(MaturityModel.named(MaturityModel.FIRST.id())).isEqualTo(MaturityModel.FIRST);
    }
}
