package de.efa.registry.command.adoption;

import de.efa.registry.command.lookup.AgreementFacts;
import de.efa.registry.command.lookup.CooperationFacts;
import de.efa.registry.command.lookup.CooperationFacts.Membership;
import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.kernel.common.NotFound;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.kernel.adoption.CrossBorderBasis;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The named policies of an adoption, each a plain function of the facts it is judged on. */
class AdoptionPoliciesTest {

    private static final StateCode THURINGIA = StateCode.of("16");
    private static final StateCode SAXONY = StateCode.of("14");
    private static final StateCode BAVARIA = StateCode.of("09");
    private static final ServiceVersion V1 = ServiceVersion.parse("1.0.0");
    private static final ServiceVersion V2 = ServiceVersion.parse("2.0.0");
    private static final ServiceVersion V3 = ServiceVersion.parse("3.0.0");
    private static final LocalDate DAY = LocalDate.of(2024, 6, 1);

    private static ServiceFacts service(StateCode provider, ReuseModel reuse) {
        TreeMap<ServiceVersion, VersionStatus> versions = new TreeMap<>(Map.of(
                V1, VersionStatus.RETIRED, V2, VersionStatus.ACTIVE, V3, VersionStatus.DEPRECATED));
        return new ServiceFacts(ServiceId.random(), LeikaKey.of("99100000000010"), "Wohngeld", provider, reuse, versions,
                Map.of(V1, LocalDate.of(2020, 1, 1), V2, LocalDate.of(2024, 1, 1)));
    }

    private static CooperationFacts cooperation(Membership... memberships) {
        return new CooperationFacts(CooperationId.random(), "EfA Mitte", List.of(memberships));
    }

    private static AdoptionCase adoption(ServiceFacts service, ServiceVersion version, StateCode adopter,
                                         CooperationFacts... cooperations) {
        return new AdoptionCase(service, version, adopter, DAY, List.of(cooperations), List.of());
    }

    private static AdoptionCase adoptionUnder(ServiceFacts service, StateCode adopter, LocalDate day,
                                              List<CooperationFacts> cooperations, AgreementFacts... agreements) {
        return new AdoptionCase(service, V2, adopter, day, cooperations, List.of(agreements));
    }

    private static AgreementFacts agreement(ServiceFacts service, StateCode adopter, boolean signed, LocalDate validFrom,
                                            LocalDate validTo, LocalDate endsOn) {
        return new AgreementFacts(AgreementId.random(), service.serviceId(), service.providingState(), adopter, signed,
                validFrom, validTo, endsOn);
    }

    private static String ruleOf(Runnable check) {
        try {
            check.run();
            return null;
        } catch (RuleViolated refused) {
            return refused.rule();
        }
    }

    // --- the cross-border rule

    @Test
    void withinItsOwnStateAMunicipalityAdoptsWithoutACooperation() {
        assertThat(ruleOf(() -> new CrossBorderPolicy().check(adoption(service(THURINGIA, ReuseModel.STATE_ONLY), V2, THURINGIA))))
                .isNull();
    }

    @Test
    void acrossTheBorderOnlyAServiceOfferedForReuse() {
        CooperationFacts both = cooperation(new Membership(THURINGIA, DAY, null), new Membership(SAXONY, DAY, null));
        assertThat(ruleOf(() -> new CrossBorderPolicy().check(adoption(service(THURINGIA, ReuseModel.STATE_ONLY), V2, SAXONY, both))))
                .isEqualTo(CrossBorderPolicy.RULE);
        assertThat(ruleOf(() -> new CrossBorderPolicy().check(adoption(service(THURINGIA, ReuseModel.EFA), V2, SAXONY, both))))
                .isNull();
    }

    @Test
    void bothStatesMustBeMembersOfOneCooperationOnTheDay() {
        ServiceFacts efa = service(THURINGIA, ReuseModel.EFA);
        CooperationFacts adopterOnly = cooperation(new Membership(SAXONY, DAY, null), new Membership(BAVARIA, DAY, null));
        CooperationFacts providerOnly = cooperation(new Membership(THURINGIA, DAY, null), new Membership(BAVARIA, DAY, null));

        assertThat(ruleOf(() -> new CrossBorderPolicy().check(adoption(efa, V2, SAXONY, adopterOnly))))
                .as("the providing state is no member").isEqualTo(CrossBorderPolicy.RULE);
        assertThat(ruleOf(() -> new CrossBorderPolicy().check(adoption(efa, V2, SAXONY, providerOnly))))
                .as("the adopting state is no member").isEqualTo(CrossBorderPolicy.RULE);
        assertThat(ruleOf(() -> new CrossBorderPolicy().check(adoption(efa, V2, SAXONY, adopterOnly, providerOnly))))
                .as("members of two different cooperations").isEqualTo(CrossBorderPolicy.RULE);
    }

    @Test
    void membershipCountsFromItsFirstDayUntilTheDayItEnds() {
        ServiceFacts efa = service(THURINGIA, ReuseModel.EFA);
        CooperationFacts joinsThatDay = cooperation(new Membership(THURINGIA, DAY, null), new Membership(SAXONY, DAY, null));
        CooperationFacts joinsTheDayAfter = cooperation(new Membership(THURINGIA, DAY, null),
                new Membership(SAXONY, DAY.plusDays(1), null));
        CooperationFacts leftThatDay = cooperation(new Membership(THURINGIA, DAY.minusYears(1), DAY),
                new Membership(SAXONY, DAY.minusYears(1), null));
        CooperationFacts leavesTheDayAfter = cooperation(new Membership(THURINGIA, DAY.minusYears(1), DAY.plusDays(1)),
                new Membership(SAXONY, DAY.minusYears(1), null));

        assertThat(ruleOf(() -> new CrossBorderPolicy().check(adoption(efa, V2, SAXONY, joinsThatDay)))).isNull();
        assertThat(ruleOf(() -> new CrossBorderPolicy().check(adoption(efa, V2, SAXONY, joinsTheDayAfter))))
                .isEqualTo(CrossBorderPolicy.RULE);
        assertThat(ruleOf(() -> new CrossBorderPolicy().check(adoption(efa, V2, SAXONY, leftThatDay))))
                .isEqualTo(CrossBorderPolicy.RULE);
        assertThat(ruleOf(() -> new CrossBorderPolicy().check(adoption(efa, V2, SAXONY, leavesTheDayAfter)))).isNull();
    }

    @Test
    void aSignedAgreementForTheServiceHoldsFromItsFirstThroughItsLastValidDay() {
        ServiceFacts efa = service(THURINGIA, ReuseModel.EFA);
        LocalDate first = LocalDate.of(2024, 3, 1);
        LocalDate last = LocalDate.of(2025, 12, 31);
        AgreementFacts signed = agreement(efa, SAXONY, true, first, last, null);

        assertThat(CrossBorderPolicy.legalBasis(adoptionUnder(efa, SAXONY, first, List.of(), signed)))
                .contains(CrossBorderBasis.agreement(signed.agreementId()));
        assertThat(CrossBorderPolicy.legalBasis(adoptionUnder(efa, SAXONY, last, List.of(), signed)))
                .contains(CrossBorderBasis.agreement(signed.agreementId()));
        assertThat(ruleOf(() -> CrossBorderPolicy.legalBasis(adoptionUnder(efa, SAXONY, first.minusDays(1), List.of(), signed))))
                .as("the day before its first").isEqualTo(CrossBorderPolicy.RULE);
        assertThat(ruleOf(() -> CrossBorderPolicy.legalBasis(adoptionUnder(efa, SAXONY, last.plusDays(1), List.of(), signed))))
                .as("the day after its last").isEqualTo(CrossBorderPolicy.RULE);
    }

    @Test
    void aTerminatedAgreementHoldsUntilTheDayBeforeItEnds() {
        ServiceFacts efa = service(THURINGIA, ReuseModel.EFA);
        LocalDate endsOn = LocalDate.of(2025, 1, 1);
        AgreementFacts terminated = agreement(efa, SAXONY, true, LocalDate.of(2024, 3, 1), null, endsOn);

        assertThat(ruleOf(() -> CrossBorderPolicy.legalBasis(adoptionUnder(efa, SAXONY, endsOn.minusDays(1), List.of(), terminated))))
                .isNull();
        assertThat(ruleOf(() -> CrossBorderPolicy.legalBasis(adoptionUnder(efa, SAXONY, endsOn, List.of(), terminated))))
                .isEqualTo(CrossBorderPolicy.RULE);
    }

    @Test
    void anAgreementBindsOnlyWhenSignedOnlyItsServiceAndOnlyItsTwoStates() {
        ServiceFacts efa = service(THURINGIA, ReuseModel.EFA);
        ServiceFacts other = service(THURINGIA, ReuseModel.EFA);
        LocalDate from = LocalDate.of(2024, 3, 1);

        assertThat(ruleOf(() -> CrossBorderPolicy.legalBasis(adoptionUnder(efa, SAXONY, DAY, List.of(),
                agreement(efa, SAXONY, false, from, null, null))))).as("proposed only").isEqualTo(CrossBorderPolicy.RULE);
        assertThat(ruleOf(() -> CrossBorderPolicy.legalBasis(adoptionUnder(efa, SAXONY, DAY, List.of(),
                agreement(other, SAXONY, true, from, null, null))))).as("another service").isEqualTo(CrossBorderPolicy.RULE);
        assertThat(ruleOf(() -> CrossBorderPolicy.legalBasis(adoptionUnder(efa, SAXONY, DAY, List.of(),
                agreement(efa, BAVARIA, true, from, null, null))))).as("another state").isEqualTo(CrossBorderPolicy.RULE);
        assertThat(ruleOf(() -> CrossBorderPolicy.legalBasis(adoptionUnder(service(THURINGIA, ReuseModel.STATE_ONLY), SAXONY,
                DAY, List.of(), agreement(efa, SAXONY, true, from, null, null))))).as("STATE_ONLY").isEqualTo(CrossBorderPolicy.RULE);
    }

    @Test
    void whereACooperationAndAnAgreementBothHoldTheCooperationIsNamed() {
        ServiceFacts efa = service(THURINGIA, ReuseModel.EFA);
        CooperationFacts both = cooperation(new Membership(THURINGIA, DAY, null), new Membership(SAXONY, DAY, null));
        AgreementFacts signed = agreement(efa, SAXONY, true, DAY, null, null);

        assertThat(CrossBorderPolicy.legalBasis(adoptionUnder(efa, SAXONY, DAY, List.of(both), signed)))
                .contains(CrossBorderBasis.cooperation(both.cooperationId()));
        assertThat(CrossBorderPolicy.legalBasis(adoptionUnder(efa, THURINGIA, DAY, List.of(both), signed))).isEmpty();
    }

    @Test
    void crossingTheBorderIsBetweenTwoDifferentStates() {
        assertThat(CrossBorderPolicy.isCrossBorder(THURINGIA, SAXONY)).isTrue();
        assertThat(CrossBorderPolicy.isCrossBorder(THURINGIA, THURINGIA)).isFalse();
    }

    // --- the version

    @Test
    void onlyAnActiveVersionIsAdopted() {
        ServiceFacts service = service(THURINGIA, ReuseModel.EFA);
        assertThat(ruleOf(() -> new VersionMustBeActive().check(adoption(service, V2, THURINGIA)))).isNull();
        assertThat(ruleOf(() -> new VersionMustBeActive().check(adoption(service, V1, THURINGIA))))
                .as("RETIRED").isEqualTo(VersionMustBeActive.RULE);
        assertThat(ruleOf(() -> new VersionMustBeActive().check(adoption(service, V3, THURINGIA))))
                .as("DEPRECATED").isEqualTo(VersionMustBeActive.RULE);
        assertThatThrownBy(() -> new VersionMustBeActive().check(adoption(service, ServiceVersion.parse("9.0.0"), THURINGIA)))
                .isInstanceOf(NotFound.class).hasMessageContaining("9.0.0");
    }

    @Test
    void aVersionIsAdoptedFromItsReleaseDayOn() {
        ServiceFacts service = service(THURINGIA, ReuseModel.EFA);
        AdoptionCase beforeRelease = new AdoptionCase(service, V2, THURINGIA, LocalDate.of(2023, 12, 31), List.of(), List.of());
        AdoptionCase onRelease = new AdoptionCase(service, V2, THURINGIA, LocalDate.of(2024, 1, 1), List.of(), List.of());
        AdoptionCase noReleaseRecorded = new AdoptionCase(service, V3, THURINGIA, LocalDate.of(1999, 1, 1), List.of(), List.of());

        assertThat(ruleOf(() -> new VersionMustBeReleased().check(beforeRelease))).isEqualTo(VersionMustBeReleased.RULE);
        assertThat(ruleOf(() -> new VersionMustBeReleased().check(onRelease))).isNull();
        assertThat(ruleOf(() -> new VersionMustBeReleased().check(noReleaseRecorded))).isNull();
    }

    @Test
    void withoutARequestedVersionTheLatestActiveOneIsAdopted() {
        ServiceFacts service = service(THURINGIA, ReuseModel.EFA);
        assertThat(VersionToAdopt.of(service, null)).isEqualTo(V2);
        assertThat(VersionToAdopt.of(service, V1)).as("a requested version is for the other policies to judge").isEqualTo(V1);

        ServiceFacts nothingActive = new ServiceFacts(service.serviceId(), service.leikaKey(), service.name(), THURINGIA,
                ReuseModel.EFA, Map.of(V1, VersionStatus.RETIRED));
        assertThatThrownBy(() -> VersionToAdopt.of(nothingActive, null)).isInstanceOf(RuleViolated.class)
                .satisfies(e -> assertThat(((RuleViolated) e).rule()).isEqualTo(VersionMustBeActive.RULE));
    }

    @Test
    void anAdoptionPassesEveryPolicyAndASwitchAllButTheCrossBorderRule() {
        assertThat(AdoptionEligibility.FOR_ADOPTION).hasExactlyElementsOfTypes(
                VersionMustBeActive.class, VersionMustBeReleased.class, CrossBorderPolicy.class);
        assertThat(AdoptionEligibility.FOR_SWITCH).hasExactlyElementsOfTypes(
                VersionMustBeActive.class, VersionMustBeReleased.class);
        assertThatCode(() -> AdoptionEligibility.FOR_SWITCH.forEach(p -> p.check(
                adoption(service(THURINGIA, ReuseModel.STATE_ONLY), V2, SAXONY)))).doesNotThrowAnyException();
    }
}
