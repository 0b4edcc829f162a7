package de.efa.registry.kernel.region;

import de.efa.registry.kernel.common.InvalidValueException;
import de.efa.registry.kernel.municipality.Ars;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A region is named by its level and its ARS, written LEVEL:ARS; the digits below its level are zeros. */
class RegionKeyTest {

    private static final Ars SONNEBERG = Ars.of("160720000000");

    @Test
    void aKeyIsWrittenLevelColonArsAndReadBack() {
        RegionKey district = RegionKey.of(RegionLevel.DISTRICT, SONNEBERG);
        assertThat(district.value()).isEqualTo("DISTRICT:160720000000");
        assertThat(district).hasToString("DISTRICT:160720000000");
        assertThat(RegionKey.parse("DISTRICT:160720000000")).isEqualTo(district);
        // one ARS, several levels: Hamburg is a state and a municipality
        assertThat(RegionKey.parse("STATE:020000000000")).isNotEqualTo(RegionKey.parse("MUNICIPALITY:020000000000"));
    }

    @Test
    void theRegionOfALevelAboveIsNamedByTheLeadingDigits() {
        assertThat(RegionKey.of(RegionLevel.DISTRICT, "160725010006")).isEqualTo(RegionKey.of(RegionLevel.DISTRICT, SONNEBERG));
        assertThat(RegionKey.of(RegionLevel.STATE, "160725010006").ars()).isEqualTo(Ars.of("160000000000"));
        assertThat(RegionKey.of(RegionLevel.ASSOCIATION, "160725010006").ars()).isEqualTo(Ars.of("160725010000"));
        assertThat(RegionKey.of(RegionLevel.MUNICIPALITY, "160725010006").ars()).isEqualTo(Ars.of("160725010006"));
    }

    @Test
    void digitsBelowTheLevelMustBeZeros() {
        assertThatThrownBy(() -> RegionKey.of(RegionLevel.DISTRICT, Ars.of("160725010006")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("zeros after its first 5 digits");
        assertThat(RegionKey.of(RegionLevel.MUNICIPALITY, Ars.of("160725010006")).level()).isEqualTo(RegionLevel.MUNICIPALITY);
        assertThatThrownBy(() -> new RegionKey(null, SONNEBERG)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new RegionKey(RegionLevel.STATE, null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aKeyThatIsNotLevelColonArsIsRefused() {
        assertThatThrownBy(() -> RegionKey.parse("160720000000")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("LEVEL:ARS, got '160720000000'");
        assertThatThrownBy(() -> RegionKey.parse(null)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("got ''");
        assertThatThrownBy(() -> RegionKey.parse("KREIS:160720000000")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("unknown region level");
        assertThatThrownBy(() -> RegionKey.parse(":160720000000")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("unknown region level");
    }

    @Test
    void levelsKnowTheirDigitsAndOrder() {
        assertThat(RegionLevel.STATE.digits()).isEqualTo(2);
        assertThat(RegionLevel.GOVERNMENT_REGION.digits()).isEqualTo(3);
        assertThat(RegionLevel.DISTRICT.digits()).isEqualTo(5);
        assertThat(RegionLevel.ASSOCIATION.digits()).isEqualTo(9);
        assertThat(RegionLevel.MUNICIPALITY.digits()).isEqualTo(12);
        assertThat(RegionLevel.STATE.isAbove(RegionLevel.DISTRICT)).isTrue();
        assertThat(RegionLevel.DISTRICT.isAbove(RegionLevel.STATE)).isFalse();
        assertThat(RegionLevel.DISTRICT.isAbove(RegionLevel.DISTRICT)).isFalse();
    }

    @Test
    void theRegionsCommandsAndEventsNameTheirRegionsKey() {
        RegionKey key = RegionKey.of(RegionLevel.DISTRICT, SONNEBERG);
        LocalDate day = LocalDate.of(2023, 11, 30);
        Ars thuringia = Ars.of("160000000000");
        assertThat(new RecordRegion(RegionLevel.DISTRICT, SONNEBERG, "Sonneberg", thuringia, 1, 1, day).key()).isEqualTo(key);
        assertThat(new ChangeRegion(RegionLevel.DISTRICT, SONNEBERG, "Sonneberg", thuringia, 1, 1, day).key()).isEqualTo(key);
        assertThat(new DissolveRegion(RegionLevel.DISTRICT, SONNEBERG, day).key()).isEqualTo(key);
        assertThat(new RegionRecorded(RegionLevel.DISTRICT, SONNEBERG, "Sonneberg", thuringia, 1, 1, day).key()).isEqualTo(key);
        assertThat(new RegionChanged(RegionLevel.DISTRICT, SONNEBERG, "Sonneberg", thuringia, 1, 1, day).key()).isEqualTo(key);
        assertThat(new RegionDissolved(RegionLevel.DISTRICT, SONNEBERG, day).key()).isEqualTo(key);
    }
}
