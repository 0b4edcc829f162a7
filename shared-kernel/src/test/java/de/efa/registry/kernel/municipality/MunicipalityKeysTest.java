package de.efa.registry.kernel.municipality;

import de.efa.registry.kernel.common.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AGS, ARS and district key: fixed digit counts, a valid state code in front, and the parts they derive. */
class MunicipalityKeysTest {

    // Munich: AGS 09162000, ARS 091620000000
    private static final String MUNICH_AGS = "09162000";
    private static final String MUNICH_ARS = "091620000000";

    @Test
    void anAgsNamesItsStateAndDistrict() {
        Ags ags = Ags.of(MUNICH_AGS);
        assertThat(ags.value()).isEqualTo(MUNICH_AGS);
        assertThat(ags).hasToString(MUNICH_AGS);
        assertThat(ags.state()).isEqualTo(StateCode.of("09"));
        assertThat(ags.district()).isEqualTo(DistrictKey.of("09162"));
    }

    @Test
    void anAgsIsEightDigitsWithAValidStateInFront() {
        assertThatThrownBy(() -> Ags.of("0916200")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Ags.of("17162000"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("state code");
    }

    @Test
    void anArsDropsItsAssociationDigitsToBecomeTheAgs() {
        // state 07, region 1, district 35, association 0045, municipality 012
        Ars ars = Ars.of("071350045012");
        assertThat(ars.ags()).isEqualTo(Ags.of("07135012"));
        assertThat(ars.associationKey()).isEqualTo("071350045");
        assertThat(ars.value()).isEqualTo("071350045012");
        assertThat(ars).hasToString("071350045012");
        assertThat(Ars.of(MUNICH_ARS).ags()).isEqualTo(Ags.of(MUNICH_AGS));
    }

    @Test
    void anArsIsTwelveDigitsWithAValidStateInFront() {
        assertThatThrownBy(() -> Ars.of("09162000000")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Ars.of("001620000000"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("state code");
    }

    @Test
    void aDistrictKeyNamesItsState() {
        DistrictKey key = DistrictKey.of("09162");
        assertThat(key.value()).isEqualTo("09162");
        assertThat(key).hasToString("09162");
        assertThat(key.state()).isEqualTo(StateCode.of("09"));
    }

    @Test
    void aDistrictKeyIsFiveDigitsWithAValidStateInFront() {
        assertThatThrownBy(() -> DistrictKey.of("0916")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> DistrictKey.of("99162"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("state code");
    }
}
