package de.efa.registry.query.region;

import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.municipality.MunicipalityDissolved;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.region.RegionChanged;
import de.efa.registry.kernel.region.RegionDissolved;
import de.efa.registry.kernel.region.RegionKey;
import de.efa.registry.kernel.region.RegionLevel;
import de.efa.registry.kernel.region.RegionRecorded;
import de.efa.registry.query.projection.InMemoryDocuments;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region projection's handlers on plain events, its documents in memory: a region per level and ARS, a
 * municipality as a region of its own below its association, dissolved and back.
 */
class RegionProjectionTest {

    private static final Ars SONNEBERG = Ars.of("160720000000");
    private static final Ars THURINGIA = Ars.of("160000000000");
    private static final LocalDate GEBIETSSTAND = LocalDate.of(2023, 11, 30);

    private final RegionProjection projection = new RegionProjection();
    private final InMemoryDocuments documents = new InMemoryDocuments();

    @Test
    void aRegionIsKeptUnderItsLevelAndArsAndFollowsItsChanges() {
        String id = RegionKey.of(RegionLevel.DISTRICT, SONNEBERG).value();
        documents.feed(projection, new RegionRecorded(RegionLevel.DISTRICT, SONNEBERG, "Sonneberg", THURINGIA, 56_000, 10,
                GEBIETSSTAND));
        assertThat(documents.get(RegionProjection.REGIONS, id)).containsEntry("l", "DISTRICT")
                .containsEntry("a", "160720000000").containsEntry("n", "Sonneberg").containsEntry("pa", "160000000000")
                .containsEntry("po", 56_000L).containsEntry("m", 10).doesNotContainKey("x");

        documents.feed(projection, new RegionDissolved(RegionLevel.DISTRICT, SONNEBERG, LocalDate.of(2024, 12, 31)));
        assertThat(documents.get(RegionProjection.REGIONS, id)).containsEntry("x", "2024-12-31");

        documents.feed(projection, new RegionChanged(RegionLevel.DISTRICT, SONNEBERG, "Landkreis Sonneberg", THURINGIA,
                55_000, 9, LocalDate.of(2025, 12, 31)));
        assertThat(documents.get(RegionProjection.REGIONS, id)).containsEntry("n", "Landkreis Sonneberg")
                .containsEntry("po", 55_000L).containsEntry("m", 9).doesNotContainKey("x");
        assertThat(documents.get(RegionProjection.CHANGES, RegionProjection.REGIONS).get("p"))
                .as("readers' caches learn of every change").isEqualTo(documents.position());
    }

    @Test
    void aMunicipalityIsARegionBelowItsAssociation() {
        Ags ags = Ags.of("16072006");
        documents.feed(projection, new MunicipalityRecorded(ags, Ars.of("160725010006"), "Föritztal", DistrictKey.of("16072"),
                "Sonneberg", "Föritztal", 8_500, 12_000, "96524", GEBIETSSTAND));

        assertThat(documents.get(RegionProjection.MUNICIPALITIES, "16072006")).containsEntry("l", "MUNICIPALITY")
                .containsEntry("a", "160725010006").containsEntry("pa", "160725010000").containsEntry("n", "Föritztal")
                .containsEntry("po", 8_500L).containsEntry("m", 1);

        documents.feed(projection, new MunicipalityDissolved(ags, LocalDate.of(2024, 12, 31)));
        assertThat(documents.get(RegionProjection.MUNICIPALITIES, "16072006")).containsEntry("x", "2024-12-31");
    }
}
