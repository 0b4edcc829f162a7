package de.efa.registry.query.lookup;

import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.adoption.SwitchReason;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.municipality.MunicipalityDissolved;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.query.projection.InMemoryDocuments;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup projection's handlers on plain events, its documents kept in memory: which intervals a municipality's
 * document holds after starts, switches, retirements and ends. The cache is switched off (it needs the running
 * projections to know claims), and the wiring is the HTTP tests' part.
 */
class LookupProjectionTest {

    private static final String AGS = "16061001";

    private final LookupProjection projection = new LookupProjection(new LookupCache(null, new LookupCacheProperties(0, Duration.ZERO)));
    private final InMemoryDocuments documents = new InMemoryDocuments();
    private final ServiceId wohngeld = ServiceId.random();
    private final AdoptionId adoption = AdoptionId.random();

    @Test
    void aStartedAdoptionServesFromItsDayOn() {
        documents.feed(projection, recorded(), started("1.0.0", "2023-03-01"));

        assertThat(intervals()).containsExactly(interval("1.0.0", "2023-03-01", null));
        assertThat(municipality().getString("n")).isEqualTo("Heilbad Heiligenstadt");
        assertThat(municipality().getString("st")).isEqualTo("16");
    }

    @Test
    void aSwitchEndsTheOldVersionOnTheDayTheNewOneStarts() {
        documents.feed(projection, recorded(), started("1.0.0", "2023-03-01"))
                .feed(projection, switched("1.0.0", "2.0.0", "2023-06-01"));

        assertThat(intervals()).containsExactly(interval("1.0.0", "2023-03-01", "2023-06-01"),
                interval("2.0.0", "2023-06-01", null));
    }

    @Test
    void aSwitchDatedBeforeAnEarlierOneReplacesWhatTheEarlierOneStarted() {
        documents.feed(projection, recorded(), started("1.0.0", "2023-03-01"), switched("1.0.0", "2.0.0", "2023-06-01"),
                switched("2.0.0", "3.0.0", "2023-05-01"));

        assertThat(intervals()).containsExactly(interval("1.0.0", "2023-03-01", "2023-05-01"),
                interval("3.0.0", "2023-05-01", null));
    }

    @Test
    void anUnsupportedOrEndedAdoptionServesNoLonger() {
        AdoptionId other = AdoptionId.random();
        documents.feed(projection, recorded(), started("1.0.0", "2023-03-01"),
                new AdoptionStarted(other, Ags.of(AGS), wohngeld, ServiceVersion.parse("1.0.0"), StateCode.of("09"),
                        true, LocalDate.parse("2023-04-01")))
                .feed(projection, new AdoptionMarkedUnsupported(adoption, Ags.of(AGS), wohngeld,
                                ServiceVersion.parse("1.0.0"), LocalDate.parse("2024-01-01")),
                        new AdoptionEnded(other, Ags.of(AGS), wohngeld, LocalDate.parse("2023-12-01")));

        assertThat(intervals()).containsExactly(interval("1.0.0", "2023-03-01", "2024-01-01"),
                new Interval(other.value(), wohngeld.value(), "1.0.0", "2023-04-01", "2023-12-01"));
    }

    @Test
    void aDissolvedMunicipalityIsMarkedWithItsDay() {
        documents.feed(projection, recorded(), new MunicipalityDissolved(Ags.of(AGS), LocalDate.parse("2024-06-30")));

        assertThat(municipality().getString("x")).isEqualTo("2024-06-30");
    }

    @Test
    void aServiceKeepsItsKeyProviderAndTheMaturityOfEachVersion() {
        documents.feed(projection, new ServiceRegistered(wohngeld, LeikaKey.of("99123456760000"), "Wohngeld",
                        StateCode.of("09"), ReuseModel.EFA, "Familie", null),
                published("1.0.0", 2), published("1.0.0", 3), published("2.0.0", 4));

        Document service = documents.get(LookupProjection.SERVICES, wohngeld.value());
        assertThat(service.getString("k")).isEqualTo("99123456760000");
        assertThat(service.getString("ps")).isEqualTo("09");
        // a version published again replaces its maturity
        assertThat(service.getList("vs", Document.class)).containsExactly(new Document("v", "1.0.0").append("l", 3),
                new Document("v", "2.0.0").append("l", 4));
    }

    private Document municipality() {
        return documents.get(LookupProjection.MUNICIPALITIES, AGS);
    }

    private List<Interval> intervals() {
        return municipality().getList("e", Object.class).stream().map(Interval::of).toList();
    }

    private Interval interval(String version, String from, String to) {
        return new Interval(adoption.value(), wohngeld.value(), version, from, to);
    }

    private static MunicipalityRecorded recorded() {
        return new MunicipalityRecorded(Ags.of(AGS), Ars.of("160610001001"), "Heilbad Heiligenstadt",
                DistrictKey.of("16061"), "Eichsfeld", null, 13_000, 1000, "37308", LocalDate.of(2023, 11, 30));
    }

    private AdoptionStarted started(String version, String from) {
        return new AdoptionStarted(adoption, Ags.of(AGS), wohngeld, ServiceVersion.parse(version), StateCode.of("09"),
                true, LocalDate.parse(from));
    }

    private AdoptionVersionSwitched switched(String from, String to, String on) {
        return new AdoptionVersionSwitched(adoption, Ags.of(AGS), wohngeld, ServiceVersion.parse(from),
                ServiceVersion.parse(to), LocalDate.parse(on), SwitchReason.REQUESTED);
    }

    private VersionPublished published(String version, int maturity) {
        return new VersionPublished(wohngeld, ServiceVersion.parse(version), MaturityLevel.of(maturity),
                MaturityLevel.MODEL, LocalDate.of(2023, 1, 1), null);
    }
}
