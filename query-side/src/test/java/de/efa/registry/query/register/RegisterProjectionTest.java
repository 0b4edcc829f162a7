package de.efa.registry.query.register;

import de.efa.registry.kernel.adoption.AdoptionAuthorityAssigned;
import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.authority.AuthorityChanged;
import de.efa.registry.kernel.authority.AuthorityContact;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.authority.AuthorityProfile;
import de.efa.registry.kernel.authority.AuthorityRegistered;
import de.efa.registry.kernel.authority.DestinationId;
import de.efa.registry.kernel.authority.DestinationSignature;
import de.efa.registry.kernel.authority.PostalAddress;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.adoption.SwitchReason;
import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.CooperationProposed;
import de.efa.registry.kernel.cooperation.CooperationSigned;
import de.efa.registry.kernel.cooperation.StateJoinedCooperation;
import de.efa.registry.kernel.cooperation.StateLeftCooperation;
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
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.service.VersionRetired;
import de.efa.registry.query.projection.InMemoryDocuments;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register projection's handlers on plain events, its documents kept in memory: what each event makes of the
 * read models, and of the documents derived from them (service adoptions, statistics, change marks). The wiring to
 * the event stream and the store is the HTTP tests' part.
 */
class RegisterProjectionTest {

    private static final String AGS = "16061001";
    private static final LocalDate MARCH = LocalDate.of(2023, 3, 1);

    private final RegisterProjection projection = new RegisterProjection();
    private final InMemoryDocuments documents = new InMemoryDocuments();
    private final ServiceId wohngeld = ServiceId.random();
    private final AdoptionId adoption = AdoptionId.random();

    @Test
    void aRecordedMunicipalityIsListedWithItsDistrict() {
        documents.feed(projection, recorded(AGS, "Heilbad Heiligenstadt", 13_000));

        assertThat(municipality(AGS)).isEqualTo(new Municipality(AGS, "160610001001", "Heilbad Heiligenstadt", "16",
                "16061", "Kreis 16061", 13_000, 1000, "37308", "2023-11-30", null));
        assertThat(documents.get(RegisterProjection.CHANGES, RegisterProjection.MUNICIPALITIES).get("p"))
                .isEqualTo(documents.position());
    }

    @Test
    void aDissolvedMunicipalityKeepsItsRecordWithTheDayItEnded() {
        documents.feed(projection, recorded(AGS, "Heilbad Heiligenstadt", 13_000))
                .feed(projection, new MunicipalityDissolved(Ags.of(AGS), LocalDate.of(2024, 6, 30)));

        assertThat(municipality(AGS).dissolvedOn()).isEqualTo("2024-06-30");
        assertThat(municipality(AGS).isDissolved()).isTrue();
    }

    @Test
    void aServiceListsItsVersionsThroughTheirLifecycle() {
        documents.feed(projection, registered(), published("1.0.0", 2), published("2.0.0", 3),
                new VersionDeprecated(wohngeld, ServiceVersion.parse("1.0.0"), LocalDate.of(2024, 1, 31),
                        ServiceVersion.parse("2.0.0")))
                .feed(projection, new VersionRetired(wohngeld, ServiceVersion.parse("1.0.0"), LocalDate.of(2024, 3, 31), null));

        Service service = Service.of(documents.get(RegisterProjection.SERVICES, wohngeld.value()));
        assertThat(service.leikaKey()).isEqualTo("99123456760000");
        assertThat(service.providingState()).isEqualTo("09");
        assertThat(service.versions()).containsExactly(
                new Service.Version("1.0.0", "RETIRED", 2, "OZG-1.0", "2023-01-01", "2024-01-31", "2024-03-31", "2.0.0", null, null),
                new Service.Version("2.0.0", "ACTIVE", 3, "OZG-1.0", "2023-01-01", null, null, null, null, null));
    }

    @Test
    void aVersionShowsTheOnlineStatusRecordedLast() {
        ServiceVersion one = ServiceVersion.parse("1.0.0");
        documents.feed(projection, registered(), published("1.0.0", 2), published("2.0.0", 3))
                .feed(projection, new de.efa.registry.kernel.service.VersionOnlineStatusChanged(wohngeld, one,
                        de.efa.registry.kernel.service.OnlineStatus.OK, java.time.Instant.parse("2026-12-01T08:00:00Z"),
                        "link-checker", "HEAD answered HTTP 200"))
                .feed(projection, new de.efa.registry.kernel.service.VersionOnlineStatusChanged(wohngeld, one,
                        de.efa.registry.kernel.service.OnlineStatus.NOT_OK, java.time.Instant.parse("2026-12-02T08:00:00Z"),
                        "owner", null));

        Service service = Service.of(documents.get(RegisterProjection.SERVICES, wohngeld.value()));
        assertThat(service.versions()).extracting(Service.Version::onlineStatus).containsExactly("nicht ok", null);
        assertThat(service.versions().get(0).onlineStatusCheckedAt()).isEqualTo("2026-12-02T08:00:00Z");
    }

    @Test
    void aCrossBorderAdoptionKeepsItsLegalBasis() {
        de.efa.registry.kernel.reuse.AgreementId agreement = de.efa.registry.kernel.reuse.AgreementId.random();
        AdoptionStarted started = started(adoption, AGS, "1.0.0");
        documents.feed(projection, recorded(AGS, "Heilbad Heiligenstadt", 13_000), registered(), published("1.0.0", 2))
                .feed(projection, new AdoptionStarted(started.adoptionId(), started.ags(), started.serviceId(),
                        started.version(), started.providingState(), true, started.effectiveFrom(),
                        de.efa.registry.kernel.adoption.CrossBorderBasis.agreement(agreement)));

        assertThat(adoption().legalBasis()).isEqualTo(new Adoption.LegalBasis("AGREEMENT", agreement.value()));
    }

    @Test
    void anAdoptionIsKeptWithItsMunicipalityAndPerServiceAndDistrict() {
        documents.feed(projection, recorded(AGS, "Heilbad Heiligenstadt", 13_000), registered(), published("1.0.0", 2))
                .feed(projection, started(adoption, AGS, "1.0.0"));

        assertThat(adoption()).isEqualTo(new Adoption(adoption.value(), wohngeld.value(), AGS, "1.0.0", "ACTIVE",
                "2023-03-01", null, true, "09", "2023-03-01", null, List.of()));
        assertThat(serviceAdoptions()).containsExactly(
                new ServiceAdoption(adoption.value(), AGS, "16", "1.0.0", "ACTIVE", "2023-03-01", null, List.of(),
                        List.of(new ServingSpan("2023-03-01", null))));
        // the days it serves, not a count: the statistics answer for any day
        assertThat(adopted("16061")).isEqualTo(new Document("g" + AGS, List.of("2023-03-01|")));
        assertThat(documents.get(StatisticsContributions.CROSS_BORDER, "09|16061|" + wohngeld.value()).get("m"))
                .isEqualTo(new Document("g" + AGS, List.of("2023-03-01|")));
    }

    @Test
    void anAdoptionUnsupportedAndLaterSwitchedServesAgainFromTheSwitchNotInBetween() {
        documents.feed(projection, recorded(AGS, "Heilbad Heiligenstadt", 13_000), registered(), published("1.0.0", 2),
                        started(adoption, AGS, "1.0.0"))
                .feed(projection, new AdoptionMarkedUnsupported(adoption, Ags.of(AGS), wohngeld,
                        ServiceVersion.parse("1.0.0"), LocalDate.of(2024, 1, 1)));

        assertThat(serviceAdoptions()).singleElement().extracting(ServiceAdoption::serving)
                .isEqualTo(List.of(new ServingSpan("2023-03-01", "2024-01-01")));

        documents.feed(projection, published("2.0.0", 3))
                .feed(projection, new AdoptionVersionSwitched(adoption, Ags.of(AGS), wohngeld, ServiceVersion.parse("1.0.0"),
                        ServiceVersion.parse("2.0.0"), LocalDate.of(2024, 3, 1), SwitchReason.REQUESTED));

        assertThat(serviceAdoptions()).singleElement().extracting(ServiceAdoption::serving).isEqualTo(List.of(
                new ServingSpan("2023-03-01", "2024-01-01"), new ServingSpan("2024-03-01", null)));
        assertThat(adopted("16061")).isEqualTo(new Document("g" + AGS, List.of("2023-03-01|2024-01-01", "2024-03-01|")));
    }

    @Test
    void aSwitchAndAnEndChangeTheAdoptionEverywhereItIsKept() {
        documents.feed(projection, recorded(AGS, "Heilbad Heiligenstadt", 13_000), registered(), published("1.0.0", 2),
                        published("2.0.0", 3), started(adoption, AGS, "1.0.0"))
                .feed(projection, new AdoptionVersionSwitched(adoption, Ags.of(AGS), wohngeld, ServiceVersion.parse("1.0.0"),
                        ServiceVersion.parse("2.0.0"), LocalDate.of(2023, 6, 1), SwitchReason.REQUESTED));

        assertThat(adoption().version()).isEqualTo("2.0.0");
        assertThat(adoption().versionSince()).isEqualTo("2023-06-01");

        documents.feed(projection, new AdoptionEnded(adoption, Ags.of(AGS), wohngeld, LocalDate.of(2024, 1, 1)));

        assertThat(adoption().status()).isEqualTo("ENDED");
        assertThat(adoption().endsOn()).isEqualTo("2024-01-01");
        assertThat(serviceAdoptions()).containsExactly(
                new ServiceAdoption(adoption.value(), AGS, "16", "2.0.0", "ENDED", "2023-03-01", "2024-01-01", List.of(),
                        List.of(new ServingSpan("2023-03-01", "2024-01-01"))));
        // an end closes the days served; the days before it still count for the days before it
        assertThat(adopted("16061")).isEqualTo(new Document("g" + AGS, List.of("2023-03-01|2024-01-01")));
        assertThat(documents.get(StatisticsContributions.CROSS_BORDER, "09|16061|" + wohngeld.value()).get("m"))
                .isEqualTo(new Document("g" + AGS, List.of("2023-03-01|2024-01-01")));
    }

    @Test
    void theStatisticsCountAnAdoptionOnItsDaysAndKeepEveryVersionsMaturityWithItsDays() {
        documents.feed(projection, recorded(AGS, "Heilbad Heiligenstadt", 13_000), registered(), published("1.0.0", 2),
                        published("2.0.0", 3), started(adoption, AGS, "1.0.0"))
                .feed(projection, new AdoptionEnded(adoption, Ags.of(AGS), wohngeld, LocalDate.of(2023, 4, 15)),
                        new VersionRetired(wohngeld, ServiceVersion.parse("2.0.0"), LocalDate.of(2024, 3, 31), null));

        assertThat(documents.get(StatisticsContributions.TIMELINE, "16|2023-03|16061").get("m"))
                .isEqualTo(new Document("g" + AGS, new Document("d01", List.of(1, 0))));
        assertThat(documents.get(StatisticsContributions.TIMELINE, "16|2023-04|16061").get("m"))
                .isEqualTo(new Document("g" + AGS, new Document("d15", List.of(0, 1))));
        // every version with its days: which one is in service is decided for the day asked
        assertThat(documents.get(StatisticsContributions.MATURITY, "09").get("m")).isEqualTo(new Document(wohngeld.value(),
                List.of(new Document("l", 2).append("mm", "OZG-1.0").append("r", "2023-01-01").append("x", null),
                        new Document("l", 3).append("mm", "OZG-1.0").append("r", "2023-01-01").append("x", "2024-03-31"))));
    }

    @Test
    void aCooperationKeepsEveryMembershipWithItsDays() {
        CooperationId id = CooperationId.random();
        documents.feed(projection, new CooperationFounded(id, "Nord", List.of(StateCode.of("01"), StateCode.of("02"),
                        StateCode.of("01")), LocalDate.of(2022, 1, 1)),
                new StateJoinedCooperation(id, StateCode.of("03"), LocalDate.of(2022, 7, 1)),
                new StateLeftCooperation(id, StateCode.of("01"), LocalDate.of(2023, 1, 1)));

        assertThat(Cooperation.of(documents.get(RegisterProjection.COOPERATIONS, id.value()))).isEqualTo(
                new Cooperation(id.value(), "Nord", "2022-01-01", Cooperation.ACTIVE, List.of(
                        new Cooperation.Membership("01", "2022-01-01", "2023-01-01"),
                        new Cooperation.Membership("02", "2022-01-01", null),
                        new Cooperation.Membership("03", "2022-07-01", null)), List.of()));
    }

    @Test
    void aProposedCooperationHasSignaturesButNoMembersUntilTheLastSignature() {
        CooperationId id = CooperationId.random();
        StateCode sh = StateCode.of("01");
        StateCode hh = StateCode.of("02");
        StateCode ni = StateCode.of("03");
        documents.feed(projection, new CooperationProposed(id, "Nord", List.of(sh, hh, ni), hh, LocalDate.of(2022, 1, 1)),
                new CooperationSigned(id, ni, LocalDate.of(2022, 2, 1)));

        assertThat(Cooperation.of(documents.get(RegisterProjection.COOPERATIONS, id.value()))).isEqualTo(
                new Cooperation(id.value(), "Nord", "2022-01-01", Cooperation.PENDING, List.of(), List.of(
                        new Cooperation.Signature("01", null),
                        new Cooperation.Signature("02", "2022-01-01"),
                        new Cooperation.Signature("03", "2022-02-01"))));

        documents.feed(projection, new CooperationSigned(id, sh, LocalDate.of(2022, 3, 1)),
                new CooperationFounded(id, "Nord", List.of(sh, hh, ni), LocalDate.of(2022, 3, 1)));

        Cooperation concluded = Cooperation.of(documents.get(RegisterProjection.COOPERATIONS, id.value()));
        assertThat(concluded.status()).isEqualTo(Cooperation.ACTIVE);
        assertThat(concluded.signedOn()).isEqualTo("2022-03-01");
        assertThat(concluded.members()).extracting(Cooperation.Membership::joinedOn).containsOnly("2022-03-01");
        assertThat(concluded.signatures()).extracting(Cooperation.Signature::signedOn)
                .containsExactly("2022-03-01", "2022-01-01", "2022-02-01");
    }

    @Test
    void eachHandledEventIsDeclaredOnce() {
        assertThat(projection.handles(AdoptionStarted.class)).isTrue();
        assertThat(projection.handles(StateLeftCooperation.class)).isTrue();
        assertThat(projection.handles(String.class)).isFalse();
    }

    @Test
    void theAuthoritiesNamedForAnAdoptionAreKeptWithItEachFromItsDay() {
        AuthorityId first = AuthorityId.random();
        AuthorityId second = AuthorityId.random();
        AuthorityId correction = AuthorityId.random();
        documents.feed(projection, recorded(AGS, "Heilbad Heiligenstadt", 13_000), registered(), published("1.0.0", 2),
                        started(adoption, AGS, "1.0.0"))
                .feed(projection, new AdoptionAuthorityAssigned(adoption, Ags.of(AGS), wohngeld, first, MARCH),
                        new AdoptionAuthorityAssigned(adoption, Ags.of(AGS), wohngeld, second, LocalDate.of(2024, 1, 1)));

        assertThat(adoption().authorities()).containsExactly(new AuthorityAssignment(first.value(), "2023-03-01"),
                new AuthorityAssignment(second.value(), "2024-01-01"));
        assertThat(serviceAdoptions().get(0).authorities()).isEqualTo(adoption().authorities());
        assertThat(AuthorityAssignment.responsibleOn(adoption().authorities(), "2023-12-31")).isEqualTo(first.value());
        assertThat(AuthorityAssignment.responsibleOn(adoption().authorities(), "2024-01-01")).isEqualTo(second.value());
        assertThat(AuthorityAssignment.responsibleOn(adoption().authorities(), "2023-02-28")).isNull();

        // a naming dated earlier replaces every naming from its day on: the last word holds
        documents.feed(projection, new AdoptionAuthorityAssigned(adoption, Ags.of(AGS), wohngeld, correction,
                LocalDate.of(2023, 6, 1)));
        assertThat(adoption().authorities()).containsExactly(new AuthorityAssignment(first.value(), "2023-03-01"),
                new AuthorityAssignment(correction.value(), "2023-06-01"));
    }

    @Test
    void anAuthorityIsKeptAsRecordedAndChanged() {
        AuthorityId id = AuthorityId.random();
        AuthorityProfile profile = new AuthorityProfile("Landratsamt Eichsfeld", "LRA Eichsfeld",
                new PostalAddress("Friedensplatz", "8", "37308", "Heilbad Heiligenstadt"),
                new AuthorityContact(null, "+49 3606 650"), null, null, null);
        documents.feed(projection, new AuthorityRegistered(id, StateCode.of("16"), profile));
        Authority recorded = Authority.of(documents.get(RegisterProjection.AUTHORITIES, id.value()));
        assertThat(recorded).isEqualTo(new Authority(id.value(), "16", "Landratsamt Eichsfeld", "LRA Eichsfeld",
                "Friedensplatz", "8", "37308", "Heilbad Heiligenstadt", null, "+49 3606 650", null, null, null));
        assertThat(recorded.isRoutable()).isFalse();

        documents.feed(projection, new AuthorityChanged(id, StateCode.of("16"), new AuthorityProfile(profile.name(),
                profile.shortName(), profile.address(), profile.contact(), DestinationId.of(id.value()),
                DestinationSignature.of("a.b.c"), "https://www.kreis-eic.de")));
        Authority changed = Authority.of(documents.get(RegisterProjection.AUTHORITIES, id.value()));
        assertThat(changed.isRoutable()).isTrue();
        assertThat(changed.websiteUrl()).isEqualTo("https://www.kreis-eic.de");
        assertThat(documents.get(RegisterProjection.CHANGES, RegisterProjection.AUTHORITIES).get("p"))
                .isEqualTo(documents.position());
    }

    private Municipality municipality(String ags) {
        return Municipality.of(documents.get(RegisterProjection.MUNICIPALITIES, ags));
    }

    private Adoption adoption() {
        Document municipality = documents.get(RegisterProjection.MUNICIPALITIES, AGS);
        assertThat(documents.get(RegisterProjection.ADOPTION_INDEX, adoption.value().substring(0, 3)).get("m", Document.class)
                .getString(adoption.value())).isEqualTo(AGS);
        return Adoption.of(adoption.value(), AGS, municipality.get("ad", Document.class).get(adoption.value(), Document.class));
    }

    private List<ServiceAdoption> serviceAdoptions() {
        Document perDistrict = documents.get(RegisterProjection.SERVICE_ADOPTIONS, wohngeld.value() + "|16061");
        Document stored = perDistrict.get("a", Document.class);
        return stored.keySet().stream().map(id -> ServiceAdoption.of(id, "16", stored.get(id, Document.class))).toList();
    }

    private Document adopted(String district) {
        Document document = documents.get(StatisticsContributions.ADOPTED, district);
        return document == null ? new Document() : document.get("m", Document.class);
    }

    private static MunicipalityRecorded recorded(String ags, String name, long population) {
        return new MunicipalityRecorded(Ags.of(ags), Ars.of(ags.substring(0, 5) + "0001" + ags.substring(5)), name,
                DistrictKey.of(ags.substring(0, 5)), "Kreis " + ags.substring(0, 5), null, population, 1000, "37308",
                LocalDate.of(2023, 11, 30));
    }

    private ServiceRegistered registered() {
        return new ServiceRegistered(wohngeld, LeikaKey.of("99123456760000"), "Wohngeld", StateCode.of("09"),
                ReuseModel.EFA, "Familie", "Wohngeld beantragen");
    }

    private VersionPublished published(String version, int maturity) {
        return new VersionPublished(wohngeld, ServiceVersion.parse(version), MaturityLevel.of(maturity),
                MaturityLevel.MODEL, LocalDate.of(2023, 1, 1), null);
    }

    private AdoptionStarted started(AdoptionId id, String ags, String version) {
        return new AdoptionStarted(id, Ags.of(ags), wohngeld, ServiceVersion.parse(version), StateCode.of("09"),
                true, MARCH);
    }
}
