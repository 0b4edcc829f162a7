package de.efa.registry.command.municipality;

import de.efa.registry.command.adoption.AdoptionEligibility;
import de.efa.registry.command.lookup.AgreementFacts;
import de.efa.registry.command.lookup.CooperationFacts;
import de.efa.registry.kernel.adoption.CrossBorderBasis;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.command.support.InMemoryWriteLookup;
import de.efa.registry.command.lookup.AuthorityFacts;
import de.efa.registry.kernel.adoption.AdoptService;
import de.efa.registry.kernel.adoption.AdoptionAuthorityAssigned;
import de.efa.registry.kernel.adoption.AssignAdoptionAuthority;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.adoption.AdoptionEnded;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.AdoptionMarkedUnsupported;
import de.efa.registry.kernel.adoption.AdoptionStarted;
import de.efa.registry.kernel.adoption.EndAdoptionWithItsAgreement;
import de.efa.registry.kernel.adoption.AdoptionVersionSwitched;
import de.efa.registry.kernel.adoption.MarkAdoptionUnsupported;
import de.efa.registry.kernel.adoption.MigrateAdoption;
import de.efa.registry.kernel.adoption.SwitchAdoptionVersion;
import de.efa.registry.kernel.adoption.SwitchReason;
import de.efa.registry.kernel.adoption.TerminateAdoption;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.Ars;
import de.efa.registry.kernel.municipality.ChangeMunicipality;
import de.efa.registry.kernel.municipality.DissolveMunicipality;
import de.efa.registry.kernel.municipality.DistrictKey;
import de.efa.registry.kernel.municipality.MunicipalityChanged;
import de.efa.registry.kernel.municipality.MunicipalityDissolved;
import de.efa.registry.kernel.municipality.MunicipalityRecorded;
import de.efa.registry.kernel.municipality.RecordMunicipality;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static de.efa.registry.command.support.Refusals.conflict;
import static de.efa.registry.command.support.Refusals.notFound;
import static de.efa.registry.command.support.Refusals.ruleViolated;

class MunicipalityTest {

    private static final Ags MUENCHEN = Ags.of("09162000");
    private static final Ags ERFURT = Ags.of("16051000");
    private static final StateCode TH = StateCode.of("16");
    private static final StateCode BY = StateCode.of("09");
    private static final ServiceId WOHNGELD = ServiceId.of("0b7d5e4a-3c1f-4a8e-9d2b-1f6e8c7a5b40");
    private static final ServiceId HUNDESTEUER = ServiceId.of("1c8e6f5b-4d2a-4b9f-8e3c-2a7f9d8b6c51");
    private static final AdoptionId ADOPTION = AdoptionId.of("2d9f7a6c-5e3b-4cad-9f4d-3b8a0e9c7d62");
    private static final LocalDate JULY = LocalDate.of(2023, 7, 1);
    private static final LocalDate SIGNED = LocalDate.of(2021, 3, 1);

    private AggregateTestFixture<Municipality> fixture;
    private InMemoryWriteLookup lookup;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Municipality.class);
        lookup = new InMemoryWriteLookup()
                .with(new ServiceFacts(WOHNGELD, LeikaKey.of("99108001000000"), "Wohngeld", TH, ReuseModel.EFA,
                        Map.of(v("1.0.0"), VersionStatus.DEPRECATED, v("1.1.0"), VersionStatus.ACTIVE, v("0.9.0"), VersionStatus.RETIRED)))
                .with(new ServiceFacts(HUNDESTEUER, LeikaKey.of("99072001000000"), "Hundesteuer", TH, ReuseModel.STATE_ONLY,
                        Map.of(v("1.0.0"), VersionStatus.ACTIVE)));
        fixture.registerInjectableResource(new AdoptionEligibility(lookup));
    }

    private CooperationId cooperationOfThuringiaAndBavaria(LocalDate bavariaLeftOn) {
        CooperationId cooperationId = CooperationId.random();
        lookup.with(new CooperationFacts(cooperationId, "EfA", List.of(
                new CooperationFacts.Membership(TH, SIGNED, null),
                new CooperationFacts.Membership(BY, SIGNED, bavariaLeftOn))));
        return cooperationId;
    }

    private static ServiceVersion v(String text) {
        return ServiceVersion.parse(text);
    }

    private static MunicipalityRecorded recorded(Ags ags) {
        return new MunicipalityRecorded(ags, Ars.of(ags.value().substring(0, 5) + "0000" + ags.value().substring(5)), "Ort",
                ags.district(), "Kreis", "Verband", 1000, 500, "99084", LocalDate.of(2023, 11, 30));
    }

    private static AdoptionStarted started(Ags ags, String version, boolean crossBorder) {
        return new AdoptionStarted(ADOPTION, ags, WOHNGELD, v(version), TH, crossBorder, JULY);
    }

    @Test
    void aMunicipalityIsRecordedChangedAndDissolvedOnce() {
        MunicipalityRecorded r = recorded(ERFURT);
        fixture.givenNoPriorActivity()
                .when(new RecordMunicipality(ERFURT, r.ars(), "Ort", r.district(), "Kreis", "Verband", 1000, 500, "99084", r.gebietsstand()))
                .expectEvents(r);
        fixture.given(r)
                .when(new ChangeMunicipality(ERFURT, r.ars(), "Erfurt, Stadt", r.district(), "Kreis", "Verband", 1200, 500, "99084", r.gebietsstand()))
                .expectEvents(new MunicipalityChanged(ERFURT, r.ars(), "Erfurt, Stadt", r.district(), "Kreis", "Verband", 1200, 500, "99084", r.gebietsstand()));
        fixture.given(r, new MunicipalityDissolved(ERFURT, r.gebietsstand()))
                .when(new DissolveMunicipality(ERFURT, r.gebietsstand()))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void aMunicipalityAdoptsTheLatestActiveVersionOfItsOwnState() {
        fixture.given(recorded(ERFURT))
                .when(new AdoptService(ERFURT, ADOPTION, WOHNGELD, null, JULY))
                .expectEvents(started(ERFURT, "1.1.0", false))
                // the answer names the version the rules chose
                .expectResultMessagePayload(v("1.1.0"));
    }

    @Test
    void aCrossBorderAdoptionNeedsASharedCooperationOnTheEffectiveDateAndNamesIt() {
        CooperationId cooperationId = cooperationOfThuringiaAndBavaria(null);
        fixture.given(recorded(MUENCHEN))
                .when(new AdoptService(MUENCHEN, ADOPTION, WOHNGELD, v("1.1.0"), JULY))
                .expectEvents(new AdoptionStarted(ADOPTION, MUENCHEN, WOHNGELD, v("1.1.0"), TH, true, JULY,
                        CrossBorderBasis.cooperation(cooperationId)));
    }

    @Test
    void aSignedAgreementForTheServiceIsALegalBasisToo() {
        AgreementId agreementId = AgreementId.random();
        lookup.agreements.add(new AgreementFacts(agreementId, WOHNGELD, TH, BY, true, LocalDate.of(2023, 1, 1), null, null));
        fixture.given(recorded(MUENCHEN))
                .when(new AdoptService(MUENCHEN, ADOPTION, WOHNGELD, v("1.1.0"), JULY))
                .expectEvents(new AdoptionStarted(ADOPTION, MUENCHEN, WOHNGELD, v("1.1.0"), TH, true, JULY,
                        CrossBorderBasis.agreement(agreementId)));
    }

    @Test
    void withoutACooperationACrossBorderAdoptionIsRefused() {
        fixture.given(recorded(MUENCHEN))
                .when(new AdoptService(MUENCHEN, ADOPTION, WOHNGELD, null, JULY))
                .expectNoEvents().expectException(ruleViolated("cross-border-not-permitted"));
    }

    @Test
    void afterLeavingTheCooperationNewCrossBorderAdoptionsAreRefused() {
        cooperationOfThuringiaAndBavaria(LocalDate.of(2023, 1, 1));
        fixture.given(recorded(MUENCHEN))
                .when(new AdoptService(MUENCHEN, ADOPTION, WOHNGELD, null, JULY))
                .expectNoEvents().expectException(ruleViolated("cross-border-not-permitted"));
    }

    @Test
    void beforeJoiningTheCooperationACrossBorderAdoptionIsRefused() {
        cooperationOfThuringiaAndBavaria(null);
        fixture.given(recorded(MUENCHEN))
                .when(new AdoptService(MUENCHEN, ADOPTION, WOHNGELD, null, SIGNED.minusDays(1)))
                .expectNoEvents().expectException(ruleViolated("cross-border-not-permitted"));
    }

    @Test
    void aStateOnlyServiceIsNeverAdoptedAcrossTheBorder() {
        cooperationOfThuringiaAndBavaria(null);
        fixture.given(recorded(MUENCHEN))
                .when(new AdoptService(MUENCHEN, ADOPTION, HUNDESTEUER, null, JULY))
                .expectNoEvents().expectException(ruleViolated("cross-border-not-permitted"));
    }

    @Test
    void aDeprecatedOrRetiredVersionCannotBeAdopted() {
        fixture.given(recorded(ERFURT))
                .when(new AdoptService(ERFURT, ADOPTION, WOHNGELD, v("1.0.0"), JULY))
                .expectNoEvents().expectException(ruleViolated("version-not-active"));
        fixture.given(recorded(ERFURT))
                .when(new AdoptService(ERFURT, ADOPTION, WOHNGELD, v("0.9.0"), JULY))
                .expectNoEvents().expectException(ruleViolated("version-not-active"));
    }

    @Test
    void anUnknownServiceOrVersionIsNotFound() {
        fixture.given(recorded(ERFURT))
                .when(new AdoptService(ERFURT, ADOPTION, ServiceId.random(), null, JULY))
                .expectNoEvents().expectException(notFound());
        fixture.given(recorded(ERFURT))
                .when(new AdoptService(ERFURT, ADOPTION, WOHNGELD, v("7.0.0"), JULY))
                .expectNoEvents().expectException(notFound());
    }

    @Test
    void aServiceIsAdoptedOnlyOnceAtATime() {
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new AdoptService(ERFURT, AdoptionId.random(), WOHNGELD, null, JULY))
                .expectNoEvents().expectException(conflict());
    }

    @Test
    void afterTheEndTheServiceMayBeAdoptedAgain() {
        AdoptionId again = AdoptionId.random();
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false), new AdoptionEnded(ADOPTION, ERFURT, WOHNGELD, JULY))
                .when(new AdoptService(ERFURT, again, WOHNGELD, null, JULY))
                .expectEvents(new AdoptionStarted(again, ERFURT, WOHNGELD, v("1.1.0"), TH, false, JULY));
    }

    @Test
    void anAdoptionEndingAheadKeepsTheServiceTakenUntilItsLastDay() {
        // the first adoption serves from July 2023 up to (excluding) its end; a second one may not serve a day of that
        LocalDate endsOn = LocalDate.of(2025, 12, 31);
        AdoptionEnded endedAhead = new AdoptionEnded(ADOPTION, ERFURT, WOHNGELD, endsOn);
        AdoptionId again = AdoptionId.random();
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false), endedAhead)
                .when(new AdoptService(ERFURT, again, WOHNGELD, null, LocalDate.of(2025, 6, 1)))
                .expectNoEvents().expectException(conflict());
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false), endedAhead)
                .when(new AdoptService(ERFURT, again, WOHNGELD, null, JULY.minusYears(2)))
                .expectNoEvents().expectException(conflict());
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false), endedAhead)
                .when(new AdoptService(ERFURT, again, WOHNGELD, null, endsOn))
                .expectEvents(new AdoptionStarted(again, ERFURT, WOHNGELD, v("1.1.0"), TH, false, endsOn));
    }

    @Test
    void noVersionIsAdoptedOrSwitchedToBeforeItsRelease() {
        lookup.services.put(WOHNGELD, new ServiceFacts(WOHNGELD, LeikaKey.of("99108001000000"), "Wohngeld", TH, ReuseModel.EFA,
                new java.util.TreeMap<>(Map.of(v("1.1.0"), VersionStatus.ACTIVE, v("2.0.0"), VersionStatus.ACTIVE)),
                Map.of(v("1.1.0"), JULY, v("2.0.0"), LocalDate.of(2024, 1, 1))));
        fixture.given(recorded(ERFURT))
                .when(new AdoptService(ERFURT, ADOPTION, WOHNGELD, v("1.1.0"), JULY.minusDays(1)))
                .expectNoEvents().expectException(ruleViolated("date-before-release"));
        fixture.given(recorded(ERFURT))
                .when(new AdoptService(ERFURT, ADOPTION, WOHNGELD, null, JULY))
                .expectNoEvents().expectException(ruleViolated("date-before-release"));
        fixture.given(recorded(ERFURT))
                .when(new AdoptService(ERFURT, ADOPTION, WOHNGELD, v("1.1.0"), JULY))
                .expectEvents(started(ERFURT, "1.1.0", false));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new SwitchAdoptionVersion(ERFURT, ADOPTION, v("2.0.0"), LocalDate.of(2023, 12, 31)))
                .expectNoEvents().expectException(ruleViolated("date-before-release"));
    }

    @Test
    void aDissolvedMunicipalityAdoptsNothing() {
        fixture.given(recorded(ERFURT), new MunicipalityDissolved(ERFURT, JULY))
                .when(new AdoptService(ERFURT, ADOPTION, WOHNGELD, null, JULY))
                .expectNoEvents().expectException(ruleViolated("municipality-dissolved"));
    }

    @Test
    void anAdoptionSwitchesToAnotherActiveVersion() {
        lookup.services.put(WOHNGELD, new ServiceFacts(WOHNGELD, LeikaKey.of("99108001000000"), "Wohngeld", TH, ReuseModel.EFA,
                Map.of(v("1.1.0"), VersionStatus.ACTIVE, v("2.0.0"), VersionStatus.ACTIVE)));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new SwitchAdoptionVersion(ERFURT, ADOPTION, v("2.0.0"), JULY.plusMonths(1)))
                .expectEvents(new AdoptionVersionSwitched(ADOPTION, ERFURT, WOHNGELD, v("1.1.0"), v("2.0.0"), JULY.plusMonths(1), SwitchReason.REQUESTED));
    }

    @Test
    void aSwitchToAnInactiveVersionOrTheSameVersionIsRefused() {
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new SwitchAdoptionVersion(ERFURT, ADOPTION, v("1.0.0"), JULY))
                .expectNoEvents().expectException(ruleViolated("version-not-active"));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new SwitchAdoptionVersion(ERFURT, ADOPTION, v("1.1.0"), JULY))
                .expectNoEvents().expectException(conflict());
    }

    @Test
    void anUnknownAdoptionIsNotFound() {
        fixture.given(recorded(ERFURT))
                .when(new TerminateAdoption(ERFURT, ADOPTION, JULY))
                .expectNoEvents().expectException(notFound());
    }

    @Test
    void aSwitchedAdoptionStaysTheMunicipalitysToEnd() {
        fixture.given(recorded(ERFURT), started(ERFURT, "1.0.0", false), new AdoptionVersionSwitched(ADOPTION, ERFURT,
                        WOHNGELD, v("1.0.0"), v("1.1.0"), JULY.plusMonths(1), SwitchReason.REQUESTED))
                .when(new TerminateAdoption(ERFURT, ADOPTION, JULY.plusYears(1)))
                .expectEvents(new AdoptionEnded(ADOPTION, ERFURT, WOHNGELD, JULY.plusYears(1)));
    }

    @Test
    void anAgreementsEndEndsTheAdoptionOnceAndNeverBeforeItsFirstDay() {
        AgreementId agreement = AgreementId.random();
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", true))
                .when(new EndAdoptionWithItsAgreement(ERFURT, ADOPTION, agreement, JULY.plusYears(1)))
                .expectEvents(new AdoptionEnded(ADOPTION, ERFURT, WOHNGELD, JULY.plusYears(1)));
        // an agreement ending before the adoption's first day: it ends on that day, so it never serves without a basis
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", true))
                .when(new EndAdoptionWithItsAgreement(ERFURT, ADOPTION, agreement, JULY.minusMonths(1)))
                .expectEvents(new AdoptionEnded(ADOPTION, ERFURT, WOHNGELD, JULY));
        // the process's repeat, an adoption already ended, or one never started: nothing, and no refusal
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", true), new AdoptionEnded(ADOPTION, ERFURT, WOHNGELD, JULY))
                .when(new EndAdoptionWithItsAgreement(ERFURT, ADOPTION, agreement, JULY.plusYears(1)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(recorded(ERFURT))
                .when(new EndAdoptionWithItsAgreement(ERFURT, ADOPTION, agreement, JULY))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anAdoptionEndsOnceAndNotBeforeItStarted() {
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new TerminateAdoption(ERFURT, ADOPTION, JULY.plusYears(1)))
                .expectEvents(new AdoptionEnded(ADOPTION, ERFURT, WOHNGELD, JULY.plusYears(1)));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new TerminateAdoption(ERFURT, ADOPTION, JULY.minusDays(1)))
                .expectNoEvents().expectException(ruleViolated("date-before-adoption"));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false), new AdoptionEnded(ADOPTION, ERFURT, WOHNGELD, JULY))
                .when(new TerminateAdoption(ERFURT, ADOPTION, JULY))
                .expectNoEvents().expectException(ruleViolated("adoption-ended"));
    }

    @Test
    void theRetirementProcessMigratesAnActiveAdoptionOnce() {
        LocalDate retiredOn = LocalDate.of(2024, 3, 31);
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new MigrateAdoption(ERFURT, ADOPTION, v("1.1.0"), v("2.0.0"), retiredOn))
                .expectEvents(new AdoptionVersionSwitched(ADOPTION, ERFURT, WOHNGELD, v("1.1.0"), v("2.0.0"), retiredOn,
                        SwitchReason.RETIREMENT_MIGRATION));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false), new AdoptionVersionSwitched(ADOPTION, ERFURT,
                        WOHNGELD, v("1.1.0"), v("2.0.0"), retiredOn, SwitchReason.RETIREMENT_MIGRATION))
                .when(new MigrateAdoption(ERFURT, ADOPTION, v("1.1.0"), v("2.0.0"), retiredOn))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void aMigrationNeverTakesEffectBeforeTheAdoptionStarted() {
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new MigrateAdoption(ERFURT, ADOPTION, v("1.1.0"), v("2.0.0"), JULY.minusYears(1)))
                .expectEvents(new AdoptionVersionSwitched(ADOPTION, ERFURT, WOHNGELD, v("1.1.0"), v("2.0.0"), JULY,
                        SwitchReason.RETIREMENT_MIGRATION));
    }

    @Test
    void withoutSuccessorTheAdoptionBecomesUnsupportedOnce() {
        LocalDate retiredOn = LocalDate.of(2024, 3, 31);
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new MarkAdoptionUnsupported(ERFURT, ADOPTION, v("1.1.0"), retiredOn))
                .expectEvents(new AdoptionMarkedUnsupported(ADOPTION, ERFURT, WOHNGELD, v("1.1.0"), retiredOn));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false),
                        new AdoptionMarkedUnsupported(ADOPTION, ERFURT, WOHNGELD, v("1.1.0"), retiredOn))
                .when(new MarkAdoptionUnsupported(ERFURT, ADOPTION, v("1.1.0"), retiredOn))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void anUnsupportedAdoptionIsRescuedByASwitch() {
        fixture.given(recorded(ERFURT), started(ERFURT, "1.0.0", false),
                        new AdoptionMarkedUnsupported(ADOPTION, ERFURT, WOHNGELD, v("1.0.0"), JULY))
                .when(new SwitchAdoptionVersion(ERFURT, ADOPTION, v("1.1.0"), JULY.plusDays(1)))
                .expectEvents(new AdoptionVersionSwitched(ADOPTION, ERFURT, WOHNGELD, v("1.0.0"), v("1.1.0"), JULY.plusDays(1), SwitchReason.REQUESTED));
    }

    @Test
    void noSwitchTakesEffectBeforeTheAdoptionStarted() {
        lookup.services.put(WOHNGELD, new ServiceFacts(WOHNGELD, LeikaKey.of("99108001000000"), "Wohngeld", TH, ReuseModel.EFA,
                Map.of(v("1.1.0"), VersionStatus.ACTIVE, v("2.0.0"), VersionStatus.ACTIVE)));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new SwitchAdoptionVersion(ERFURT, ADOPTION, v("2.0.0"), JULY.minusDays(1)))
                .expectNoEvents().expectException(ruleViolated("date-before-adoption"));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new SwitchAdoptionVersion(ERFURT, ADOPTION, v("2.0.0"), JULY))
                .expectEvents(new AdoptionVersionSwitched(ADOPTION, ERFURT, WOHNGELD, v("1.1.0"), v("2.0.0"), JULY,
                        SwitchReason.REQUESTED));
    }

    @Test
    void anAdoptionOfAnotherServiceDoesNotStandInTheWay() {
        AdoptionId hundesteuer = AdoptionId.random();
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new AdoptService(ERFURT, hundesteuer, HUNDESTEUER, null, JULY))
                .expectEvents(new AdoptionStarted(hundesteuer, ERFURT, HUNDESTEUER, v("1.0.0"), TH, false, JULY));
    }

    // ------------------------------------------------------------------ the authority handling an adoption

    private static final AuthorityId WOHNGELDSTELLE_ERFURT = AuthorityId.of("4e1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b");
    private static final AuthorityId BUERGERAMT_ERFURT = AuthorityId.of("5f2b3c4d-6e7f-4a81-9bac-1d2e3f4a5b6c");
    private static final AuthorityId SOZIALAMT_MUENCHEN = AuthorityId.of("6a3c4d5e-7f80-4b92-acbd-2e3f4a5b6c7d");

    private void authoritiesOfThuringiaAndBavaria() {
        lookup.with(new AuthorityFacts(WOHNGELDSTELLE_ERFURT, TH, "Wohngeldstelle Erfurt"))
                .with(new AuthorityFacts(BUERGERAMT_ERFURT, TH, "Bürgeramt Erfurt"))
                .with(new AuthorityFacts(SOZIALAMT_MUENCHEN, BY, "Sozialamt München"));
    }

    @Test
    void anAdoptionNamingAnAuthorityRecordsItFromItsFirstDay() {
        authoritiesOfThuringiaAndBavaria();
        fixture.given(recorded(ERFURT))
                .when(new AdoptService(ERFURT, ADOPTION, WOHNGELD, null, JULY, WOHNGELDSTELLE_ERFURT))
                .expectEvents(started(ERFURT, "1.1.0", false),
                        new AdoptionAuthorityAssigned(ADOPTION, ERFURT, WOHNGELD, WOHNGELDSTELLE_ERFURT, JULY));
    }

    @Test
    void anAdoptionMayNameOnlyARecordedAuthorityOfTheMunicipalitysState() {
        authoritiesOfThuringiaAndBavaria();
        fixture.given(recorded(ERFURT))
                .when(new AdoptService(ERFURT, ADOPTION, WOHNGELD, null, JULY, AuthorityId.random()))
                .expectNoEvents().expectException(ruleViolated("unknown-authority"));
        fixture.given(recorded(ERFURT))
                .when(new AdoptService(ERFURT, ADOPTION, WOHNGELD, null, JULY, SOZIALAMT_MUENCHEN))
                .expectNoEvents().expectException(ruleViolated("authority-of-another-state"));
    }

    @Test
    void aCrossBorderAdoptionIsHandledByAnAuthorityOfTheAdoptingState() {
        // Einer für Alle shares the software, not the responsibility: Munich's applications stay in Bavaria
        authoritiesOfThuringiaAndBavaria();
        CooperationId cooperationId = cooperationOfThuringiaAndBavaria(null);
        fixture.given(recorded(MUENCHEN))
                .when(new AdoptService(MUENCHEN, ADOPTION, WOHNGELD, null, JULY, SOZIALAMT_MUENCHEN))
                .expectEvents(new AdoptionStarted(ADOPTION, MUENCHEN, WOHNGELD, v("1.1.0"), TH, true, JULY,
                                CrossBorderBasis.cooperation(cooperationId)),
                        new AdoptionAuthorityAssigned(ADOPTION, MUENCHEN, WOHNGELD, SOZIALAMT_MUENCHEN, JULY));
        fixture.given(recorded(MUENCHEN))
                .when(new AdoptService(MUENCHEN, ADOPTION, WOHNGELD, null, JULY, WOHNGELDSTELLE_ERFURT))
                .expectNoEvents().expectException(ruleViolated("authority-of-another-state"));
    }

    @Test
    void theAuthorityChangesFromADayOnButNotBeforeTheAdoptionStarted() {
        authoritiesOfThuringiaAndBavaria();
        LocalDate january = LocalDate.of(2025, 1, 1);
        AdoptionAuthorityAssigned first = new AdoptionAuthorityAssigned(ADOPTION, ERFURT, WOHNGELD, WOHNGELDSTELLE_ERFURT, JULY);
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false), first)
                .when(new AssignAdoptionAuthority(ERFURT, ADOPTION, BUERGERAMT_ERFURT, january))
                .expectEvents(new AdoptionAuthorityAssigned(ADOPTION, ERFURT, WOHNGELD, BUERGERAMT_ERFURT, january));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new AssignAdoptionAuthority(ERFURT, ADOPTION, BUERGERAMT_ERFURT, JULY.minusDays(1)))
                .expectNoEvents().expectException(ruleViolated("date-before-adoption"));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false), first)
                .when(new AssignAdoptionAuthority(ERFURT, ADOPTION, WOHNGELDSTELLE_ERFURT, JULY))
                .expectNoEvents().expectException(conflict());
    }

    @Test
    void aChangeOfAuthorityNeedsARecordedAuthorityOfTheStateAndAnAdoptionInUse() {
        authoritiesOfThuringiaAndBavaria();
        LocalDate january = LocalDate.of(2025, 1, 1);
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new AssignAdoptionAuthority(ERFURT, ADOPTION, SOZIALAMT_MUENCHEN, january))
                .expectNoEvents().expectException(ruleViolated("authority-of-another-state"));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false))
                .when(new AssignAdoptionAuthority(ERFURT, ADOPTION, AuthorityId.random(), january))
                .expectNoEvents().expectException(ruleViolated("unknown-authority"));
        fixture.given(recorded(ERFURT), started(ERFURT, "1.1.0", false), new AdoptionEnded(ADOPTION, ERFURT, WOHNGELD, JULY))
                .when(new AssignAdoptionAuthority(ERFURT, ADOPTION, BUERGERAMT_ERFURT, january))
                .expectNoEvents().expectException(ruleViolated("adoption-ended"));
        fixture.given(recorded(ERFURT))
                .when(new AssignAdoptionAuthority(ERFURT, ADOPTION, BUERGERAMT_ERFURT, january))
                .expectNoEvents().expectException(notFound());
    }
}
