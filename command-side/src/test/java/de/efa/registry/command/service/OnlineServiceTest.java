package de.efa.registry.command.service;

import de.efa.registry.command.support.InMemoryWriteLookup;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.CatalogueFacts;
import de.efa.registry.kernel.service.DeprecateVersion;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.MaturityModel;
import de.efa.registry.kernel.service.OnlineStatus;
import de.efa.registry.kernel.service.PublishVersion;
import de.efa.registry.kernel.service.RecordCatalogueFacts;
import de.efa.registry.kernel.service.RecordOnlineStatus;
import de.efa.registry.kernel.service.RegisterService;
import de.efa.registry.kernel.service.RetireVersion;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceCatalogueFactsChanged;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionDeprecated;
import de.efa.registry.kernel.service.VersionOnlineStatusChanged;
import de.efa.registry.kernel.service.VersionPublished;
import de.efa.registry.kernel.service.VersionRetired;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static de.efa.registry.command.support.Refusals.conflict;
import static de.efa.registry.command.support.Refusals.notFound;
import static de.efa.registry.command.support.Refusals.ruleViolated;
import static org.assertj.core.api.Assertions.assertThat;

class OnlineServiceTest {

    private static final ServiceId ID = ServiceId.of("0b7d5e4a-3c1f-4a8e-9d2b-1f6e8c7a5b40");
    private static final LeikaKey WOHNGELD = LeikaKey.of("99108001000000");
    private static final StateCode TH = StateCode.of("16");
    private static final LocalDate RELEASED = LocalDate.of(2023, 1, 1);

    private AggregateTestFixture<OnlineService> fixture;
    private InMemoryWriteLookup claims;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OnlineService.class);
        claims = new InMemoryWriteLookup();
        fixture.registerInjectableResource(claims);
    }

    private static ServiceRegistered registered() {
        return new ServiceRegistered(ID, WOHNGELD, "Wohngeld", TH, ReuseModel.EFA, null, null);
    }

    private static VersionPublished published(String version) {
        return new VersionPublished(ID, v(version), MaturityLevel.of(3), MaturityLevel.MODEL, RELEASED, null);
    }

    private static ServiceVersion v(String text) {
        return ServiceVersion.parse(text);
    }

    @Test
    void aServiceIsRegisteredAndClaimsItsLeikaKey() {
        fixture.givenNoPriorActivity()
                .when(new RegisterService(ID, WOHNGELD, "Wohngeld", TH, ReuseModel.EFA, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
        assertThat(claims.claims).containsEntry("16/99108001000000", ID);
    }

    @Test
    void aSecondServiceForTheSameLeikaKeyAndStateIsAConflict() {
        claims.claim(TH, WOHNGELD, ServiceId.random());
        fixture.givenNoPriorActivity()
                .when(new RegisterService(ID, WOHNGELD, "Wohngeld", TH, ReuseModel.EFA, null, null))
                .expectNoEvents()
                .expectException(conflict());
    }

    @Test
    void aVersionOfTheModelTwoPointZeroKeepsItsModel() {
        fixture.given(registered())
                .when(new PublishVersion(ID, v("1.0.0"), MaturityLevel.of(6), MaturityModel.OZG_2_0, RELEASED, null))
                .expectEvents(new VersionPublished(ID, v("1.0.0"), MaturityLevel.of(6), "OZG-2.0", RELEASED, null));
    }

    @Test
    void aVersionIsPublishedWithItsMaturityModel() {
        fixture.given(registered())
                .when(new PublishVersion(ID, v("1.0.0"), MaturityLevel.of(3), RELEASED, null))
                .expectEvents(new VersionPublished(ID, v("1.0.0"), MaturityLevel.of(3), "OZG-1.0", RELEASED, null));
    }

    @Test
    void aDuplicateVersionIsAConflict() {
        fixture.given(registered(), published("1.0.0"))
                .when(new PublishVersion(ID, v("1.0.0"), MaturityLevel.of(3), RELEASED, null))
                .expectNoEvents().expectException(conflict());
    }

    @Test
    void aVersionNotHigherThanTheLatestIsRefused() {
        fixture.given(registered(), published("1.2.0"))
                .when(new PublishVersion(ID, v("1.1.9"), MaturityLevel.of(3), RELEASED, null))
                .expectNoEvents().expectException(ruleViolated("version-not-higher"));
    }

    @Test
    void anActiveVersionIsDeprecatedWithAHigherActiveSuccessor() {
        fixture.given(registered(), published("1.0.0"), published("2.0.0"))
                .when(new DeprecateVersion(ID, v("1.0.0"), LocalDate.of(2024, 12, 31), v("2.0.0")))
                .expectEvents(new VersionDeprecated(ID, v("1.0.0"), LocalDate.of(2024, 12, 31), v("2.0.0")));
    }

    @Test
    void onlyAnActiveVersionCanBeDeprecated() {
        fixture.given(registered(), published("1.0.0"), new VersionDeprecated(ID, v("1.0.0"), RELEASED, null))
                .when(new DeprecateVersion(ID, v("1.0.0"), RELEASED, null))
                .expectNoEvents().expectException(ruleViolated("version-not-active"));
    }

    @Test
    void anUnknownVersionIsNotFound() {
        fixture.given(registered(), published("1.0.0"))
                .when(new RetireVersion(ID, v("3.0.0"), RELEASED, null))
                .expectNoEvents().expectException(notFound());
    }

    @Test
    void aLowerSuccessorIsInvalid() {
        fixture.given(registered(), published("1.0.0"), published("2.0.0"))
                .when(new RetireVersion(ID, v("2.0.0"), RELEASED, v("1.0.0")))
                .expectNoEvents().expectException(ruleViolated("invalid-successor"));
    }

    @Test
    void aDeprecatedSuccessorIsInvalid() {
        fixture.given(registered(), published("1.0.0"), published("2.0.0"), new VersionDeprecated(ID, v("2.0.0"), RELEASED, null))
                .when(new RetireVersion(ID, v("1.0.0"), RELEASED, v("2.0.0")))
                .expectNoEvents().expectException(ruleViolated("invalid-successor"));
    }

    @Test
    void anUnknownSuccessorIsInvalid() {
        fixture.given(registered(), published("1.0.0"))
                .when(new DeprecateVersion(ID, v("1.0.0"), RELEASED, v("1.5.0")))
                .expectNoEvents().expectException(ruleViolated("invalid-successor"));
    }

    @Test
    void aDeprecatedVersionIsRetiredToItsSuccessor() {
        fixture.given(registered(), published("1.0.0"), published("2.0.0"), new VersionDeprecated(ID, v("1.0.0"), RELEASED, v("2.0.0")))
                .when(new RetireVersion(ID, v("1.0.0"), LocalDate.of(2024, 3, 31), v("2.0.0")))
                .expectEvents(new VersionRetired(ID, v("1.0.0"), LocalDate.of(2024, 3, 31), v("2.0.0")));
    }

    @Test
    void anActiveVersionMayBeRetiredAtOnceWithoutSuccessor() {
        fixture.given(registered(), published("1.0.0"))
                .when(new RetireVersion(ID, v("1.0.0"), RELEASED, null))
                .expectEvents(new VersionRetired(ID, v("1.0.0"), RELEASED, null));
    }

    @Test
    void aRetiredVersionStaysRetired() {
        fixture.given(registered(), published("1.0.0"), new VersionRetired(ID, v("1.0.0"), RELEASED, null))
                .when(new RetireVersion(ID, v("1.0.0"), RELEASED, null))
                .expectNoEvents().expectException(ruleViolated("version-already-retired"));
    }

    @Test
    void aRetiredVersionCannotBeDeprecated() {
        fixture.given(registered(), published("1.0.0"), new VersionRetired(ID, v("1.0.0"), RELEASED, null))
                .when(new DeprecateVersion(ID, v("1.0.0"), RELEASED, null))
                .expectNoEvents().expectException(ruleViolated("version-not-active"));
    }

    @Test
    void noRetirementMovesAdoptionsToASuccessorBeforeItsRelease() {
        VersionPublished later = new VersionPublished(ID, v("2.0.0"), MaturityLevel.of(4), MaturityLevel.MODEL,
                RELEASED.plusYears(1), null);
        fixture.given(registered(), published("1.0.0"), later)
                .when(new RetireVersion(ID, v("1.0.0"), RELEASED.plusYears(1).minusDays(1), v("2.0.0")))
                .expectNoEvents().expectException(ruleViolated("date-before-release"));
        fixture.given(registered(), published("1.0.0"), later)
                .when(new RetireVersion(ID, v("1.0.0"), RELEASED.plusYears(1), v("2.0.0")))
                .expectEvents(new VersionRetired(ID, v("1.0.0"), RELEASED.plusYears(1), v("2.0.0")));
    }

    @Test
    void aRetirementBeforeTheReleaseIsRefused() {
        fixture.given(registered(), published("1.0.0"))
                .when(new RetireVersion(ID, v("1.0.0"), RELEASED.minusDays(1), null))
                .expectNoEvents().expectException(ruleViolated("date-before-release"));
    }

    @Test
    void aSunsetBeforeTheReleaseIsRefused() {
        fixture.given(registered(), published("1.0.0"))
                .when(new DeprecateVersion(ID, v("1.0.0"), RELEASED.minusDays(1), null))
                .expectNoEvents().expectException(ruleViolated("date-before-release"));
        fixture.given(registered(), published("1.0.0"))
                .when(new DeprecateVersion(ID, v("1.0.0"), RELEASED, null))
                .expectEvents(new VersionDeprecated(ID, v("1.0.0"), RELEASED, null));
    }

    private static final CatalogueFacts WOHNGELD_FACTS = new CatalogueFacts(10214, "Wohngeld", "Wohngeld Bewilligung", 4, true);

    @Test
    void aRegistrationWithCatalogueFactsRecordsThemWithIt() {
        fixture.givenNoPriorActivity()
                .when(new RegisterService(ID, WOHNGELD, "Wohngeld", TH, ReuseModel.EFA, null, null, WOHNGELD_FACTS))
                .expectEvents(registered(),
                        new ServiceCatalogueFactsChanged(ID, 10214, "Wohngeld", "Wohngeld Bewilligung", 4, true));
    }

    @Test
    void changedCatalogueFactsReplaceTheWholeSet() {
        fixture.given(registered(), WOHNGELD_FACTS.changeOf(ID))
                .when(new RecordCatalogueFacts(ID, new CatalogueFacts(10214, null, null, null, false)))
                .expectEvents(new ServiceCatalogueFactsChanged(ID, 10214, null, null, null, false));
    }

    @Test
    void theSameCatalogueFactsAgainRecordNothing() {
        fixture.given(registered(), WOHNGELD_FACTS.changeOf(ID))
                .when(new RecordCatalogueFacts(ID, new CatalogueFacts(10214, "Wohngeld", "Wohngeld Bewilligung", 4, true)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void noFactsOnAServiceThatHasNoneRecordNothing() {
        fixture.given(registered())
                .when(new RecordCatalogueFacts(ID, CatalogueFacts.NONE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theFirstFactsOfAServiceRegisteredWithoutThemAreRecorded() {
        fixture.given(registered())
                .when(new RecordCatalogueFacts(ID, WOHNGELD_FACTS))
                .expectEvents(WOHNGELD_FACTS.changeOf(ID));
    }

    // ------------------------------------------------------------------ online status

    private static final Instant CHECKED = Instant.parse("2026-12-07T10:00:00Z");

    private static RecordOnlineStatus check(String version, OnlineStatus status, String detail) {
        return new RecordOnlineStatus(ID, v(version), status, CHECKED, "link-checker", detail);
    }

    private static VersionOnlineStatusChanged changed(String version, OnlineStatus status, String detail) {
        return new VersionOnlineStatusChanged(ID, v(version), status, CHECKED, "link-checker", detail);
    }

    @Test
    void theFirstStatusOfAVersionIsRecorded() {
        fixture.given(registered(), published("1.0.0"))
                .when(check("1.0.0", OnlineStatus.OK, "HTTP 200"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(changed("1.0.0", OnlineStatus.OK, "HTTP 200"));
    }

    @Test
    void theSameStatusAgainRecordsNothing() {
        fixture.given(registered(), published("1.0.0"), changed("1.0.0", OnlineStatus.OK, "HTTP 200"))
                .when(check("1.0.0", OnlineStatus.OK, "HTTP 204"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aChangedStatusIsRecorded() {
        fixture.given(registered(), published("1.0.0"), changed("1.0.0", OnlineStatus.OK, "HTTP 200"))
                .when(check("1.0.0", OnlineStatus.NOT_OK, "HTTP 500"))
                .expectResultMessagePayload(true)
                .expectEvents(changed("1.0.0", OnlineStatus.NOT_OK, "HTTP 500"));
    }

    @Test
    void eachVersionHasItsOwnStatus() {
        fixture.given(registered(), published("1.0.0"), published("2.0.0"), changed("1.0.0", OnlineStatus.OK, null))
                .when(check("2.0.0", OnlineStatus.OK, null))
                .expectEvents(changed("2.0.0", OnlineStatus.OK, null));
    }

    @Test
    void aDeprecatedVersionStillHasAStatus() {
        fixture.given(registered(), published("1.0.0"), new VersionDeprecated(ID, v("1.0.0"), RELEASED.plusYears(1), null))
                .when(check("1.0.0", OnlineStatus.NOT_OK, "timeout"))
                .expectEvents(changed("1.0.0", OnlineStatus.NOT_OK, "timeout"));
    }

    @Test
    void theStatusOfAnUnknownVersionIsNotFound() {
        fixture.given(registered(), published("1.0.0"))
                .when(check("9.9.9", OnlineStatus.OK, null))
                .expectNoEvents()
                .expectException(notFound());
    }

    @Test
    void theStatusOfARetiredVersionIsRefused() {
        fixture.given(registered(), published("1.0.0"), new VersionRetired(ID, v("1.0.0"), RELEASED, null))
                .when(check("1.0.0", OnlineStatus.OK, null))
                .expectNoEvents()
                .expectException(ruleViolated("version-retired"));
    }
}
