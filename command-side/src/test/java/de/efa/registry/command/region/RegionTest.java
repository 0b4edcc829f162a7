package de.efa.registry.command.region;

import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.region.ChangeRegion;
import de.efa.registry.kernel.region.DissolveRegion;
import de.efa.registry.kernel.region.RecordRegion;
import de.efa.registry.kernel.region.RegionChanged;
import de.efa.registry.kernel.region.RegionDissolved;
import de.efa.registry.kernel.region.RegionLevel;
import de.efa.registry.kernel.region.RegionRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

/** A region of the directory: recorded, changed, dissolved once, brought back by a later directory. */
class RegionTest {

    private static final Ars SONNEBERG = Ars.of("160720000000");
    private static final Ars THURINGIA = Ars.of("160000000000");
    private static final LocalDate GEBIETSSTAND = LocalDate.of(2023, 11, 30);
    private static final LocalDate NEXT = LocalDate.of(2024, 12, 31);

    private AggregateTestFixture<Region> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Region.class);
    }

    @Test
    void aRegionIsRecordedWithItsFigures() {
        fixture.givenNoPriorActivity()
                .when(new RecordRegion(RegionLevel.DISTRICT, SONNEBERG, "Sonneberg", THURINGIA, 56_000, 10, GEBIETSSTAND))
                .expectEvents(new RegionRecorded(RegionLevel.DISTRICT, SONNEBERG, "Sonneberg", THURINGIA, 56_000, 10,
                        GEBIETSSTAND));
    }

    @Test
    void aChangeIsRecordedAsTheDirectorySaysIt() {
        fixture.given(recorded())
                .when(new ChangeRegion(RegionLevel.DISTRICT, SONNEBERG, "Landkreis Sonneberg", THURINGIA, 55_000, 10, NEXT))
                .expectEvents(new RegionChanged(RegionLevel.DISTRICT, SONNEBERG, "Landkreis Sonneberg", THURINGIA, 55_000,
                        10, NEXT));
    }

    @Test
    void aRegionIsDissolvedOnce() {
        fixture.given(recorded())
                .when(new DissolveRegion(RegionLevel.DISTRICT, SONNEBERG, NEXT))
                .expectEvents(new RegionDissolved(RegionLevel.DISTRICT, SONNEBERG, NEXT));
        fixture.given(recorded(), new RegionDissolved(RegionLevel.DISTRICT, SONNEBERG, NEXT))
                .when(new DissolveRegion(RegionLevel.DISTRICT, SONNEBERG, NEXT))
                .expectNoEvents();
    }

    @Test
    void aDissolvedRegionListedAgainIsBackAndCanBeDissolvedAgain() {
        LocalDate later = LocalDate.of(2025, 12, 31);
        fixture.given(recorded(), new RegionDissolved(RegionLevel.DISTRICT, SONNEBERG, NEXT),
                        new RegionChanged(RegionLevel.DISTRICT, SONNEBERG, "Sonneberg", THURINGIA, 56_000, 10, later))
                .when(new DissolveRegion(RegionLevel.DISTRICT, SONNEBERG, later))
                .expectEvents(new RegionDissolved(RegionLevel.DISTRICT, SONNEBERG, later));
    }

    private static RegionRecorded recorded() {
        return new RegionRecorded(RegionLevel.DISTRICT, SONNEBERG, "Sonneberg", THURINGIA, 56_000, 10, GEBIETSSTAND);
    }
}
