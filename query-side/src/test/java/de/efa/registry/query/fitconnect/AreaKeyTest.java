package de.efa.registry.query.fitconnect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An area id (a region's padded ARS) selects its municipalities by the leading digits of its level. */
class AreaKeyTest {

    @Test
    void theZerosBelowARegionsLevelAreCutOff() {
        assertThat(AreaKey.ofAreaId("150000000000").prefix()).isEqualTo("15");
        assertThat(AreaKey.ofAreaId("091000000000").prefix()).isEqualTo("091");
        assertThat(AreaKey.ofAreaId("160610000000").prefix()).isEqualTo("16061");
        assertThat(AreaKey.ofAreaId("150010000000").prefix()).isEqualTo("15001");
        assertThat(AreaKey.ofAreaId("010515175000").prefix()).isEqualTo("010515175");
        assertThat(AreaKey.ofAreaId("010515175001").prefix()).isEqualTo("010515175001");
        // a city outside any association: its own ARS is its district's padded key, naming the same municipality
        assertThat(AreaKey.ofAreaId("160510000000").prefix()).isEqualTo("16051");
        assertThat(AreaKey.ofAreaId("020000000000").prefix()).isEqualTo("02");
    }

    @Test
    void agsAndArsAreTakenAsTheyAre() {
        assertThat(AreaKey.ofAgs("16051").prefix()).isEqualTo("16051");
        assertThat(AreaKey.ofArs("160510000000").prefix()).isEqualTo("160510000000");
        assertThat(AreaKey.ofAgs("16051000").state()).isEqualTo("16");
    }
}
