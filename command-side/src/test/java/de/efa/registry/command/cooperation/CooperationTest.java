package de.efa.registry.command.cooperation;

import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.CooperationProposed;
import de.efa.registry.kernel.cooperation.CooperationSigned;
import de.efa.registry.kernel.cooperation.FoundCooperation;
import de.efa.registry.kernel.cooperation.CooperationStatus;
import de.efa.registry.kernel.cooperation.JoinCooperation;
import de.efa.registry.kernel.cooperation.LeaveCooperation;
import de.efa.registry.kernel.cooperation.SignCooperation;
import de.efa.registry.kernel.cooperation.StateJoinedCooperation;
import de.efa.registry.kernel.cooperation.StateLeftCooperation;
import de.efa.registry.kernel.municipality.StateCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static de.efa.registry.command.support.Refusals.conflict;
import static de.efa.registry.command.support.Refusals.notFound;
import static de.efa.registry.command.support.Refusals.ruleViolated;

class CooperationTest {

    private static final CooperationId ID = CooperationId.of("5a1c2e3d-4b5f-4c6d-8e7f-9a0b1c2d3e4f");
    private static final StateCode TH = StateCode.of("16");
    private static final StateCode BY = StateCode.of("09");
    private static final StateCode NI = StateCode.of("03");
    private static final LocalDate SIGNED = LocalDate.of(2021, 3, 1);

    private AggregateTestFixture<Cooperation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cooperation.class);
    }

    private static CooperationFounded founded() {
        return new CooperationFounded(ID, "EfA TH-BY", List.of(TH, BY), SIGNED);
    }

    @Test
    void twoStatesFoundACooperation() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperation(ID, "EfA TH-BY", List.of(TH, BY, TH), SIGNED))
                .expectEvents(founded());
    }

    @Test
    void oneStateAloneCannotFoundACooperation() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperation(ID, "alone", List.of(TH, TH), SIGNED))
                .expectNoEvents().expectException(ruleViolated("cooperation-needs-two-states"));
    }

    @Test
    void aStateJoins() {
        fixture.given(founded())
                .when(new JoinCooperation(ID, NI, LocalDate.of(2022, 1, 1)))
                .expectEvents(new StateJoinedCooperation(ID, NI, LocalDate.of(2022, 1, 1)));
    }

    @Test
    void aMemberCannotJoinTwice() {
        fixture.given(founded())
                .when(new JoinCooperation(ID, BY, LocalDate.of(2022, 1, 1)))
                .expectNoEvents().expectException(conflict());
    }

    @Test
    void joiningBeforeTheSigningIsRefused() {
        fixture.given(founded())
                .when(new JoinCooperation(ID, NI, SIGNED.minusDays(1)))
                .expectNoEvents().expectException(ruleViolated("date-before-signing"));
    }

    @Test
    void aMemberLeavesAndMayJoinAgain() {
        fixture.given(founded(), new StateLeftCooperation(ID, BY, LocalDate.of(2022, 6, 30)))
                .when(new JoinCooperation(ID, BY, LocalDate.of(2023, 1, 1)))
                .expectEvents(new StateJoinedCooperation(ID, BY, LocalDate.of(2023, 1, 1)));
    }

    @Test
    void aMemberLeaves() {
        fixture.given(founded())
                .when(new LeaveCooperation(ID, BY, LocalDate.of(2022, 6, 30)))
                .expectEvents(new StateLeftCooperation(ID, BY, LocalDate.of(2022, 6, 30)));
    }

    @Test
    void aNonMemberCannotLeave() {
        fixture.given(founded())
                .when(new LeaveCooperation(ID, NI, LocalDate.of(2022, 6, 30)))
                .expectNoEvents().expectException(notFound());
    }

    @Test
    void aFormerMemberCannotLeaveAgain() {
        fixture.given(founded(), new StateLeftCooperation(ID, BY, LocalDate.of(2022, 6, 30)))
                .when(new LeaveCooperation(ID, BY, LocalDate.of(2023, 6, 30)))
                .expectNoEvents().expectException(conflict());
    }

    @Test
    void joiningAgainBeforeHavingLeftIsRefused() {
        fixture.given(founded(), new StateLeftCooperation(ID, BY, LocalDate.of(2022, 6, 30)))
                .when(new JoinCooperation(ID, BY, LocalDate.of(2022, 6, 29)))
                .expectNoEvents().expectException(ruleViolated("date-before-leaving"));
        fixture.given(founded(), new StateLeftCooperation(ID, BY, LocalDate.of(2022, 6, 30)))
                .when(new JoinCooperation(ID, BY, LocalDate.of(2022, 6, 30)))
                .expectEvents(new StateJoinedCooperation(ID, BY, LocalDate.of(2022, 6, 30)));
    }

    @Test
    void leavingBeforeJoiningIsRefused() {
        fixture.given(founded())
                .when(new LeaveCooperation(ID, BY, SIGNED))
                .expectNoEvents().expectException(ruleViolated("date-before-joining"));
    }

    // --- consent: a cooperation founded by one state waits for the others' signatures

    private static final StateCode SN = StateCode.of("14");

    private static CooperationProposed proposedByThuringia() {
        return new CooperationProposed(ID, "EfA TH-BY-NI", List.of(TH, BY, NI), TH, SIGNED);
    }

    @Test
    void aCooperationFoundedByOneStateIsProposedNotFounded() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperation(ID, "EfA TH-BY-NI", List.of(TH, BY, NI, TH), SIGNED, TH))
                .expectEvents(proposedByThuringia());
    }

    @Test
    void aStateCannotProposeACooperationItIsNoFounderOf() {
        fixture.givenNoPriorActivity()
                .when(new FoundCooperation(ID, "EfA BY-NI", List.of(BY, NI), SIGNED, TH))
                .expectNoEvents().expectException(ruleViolated("not-a-founding-state"));
    }

    @Test
    void aSignatureBeforeTheLastOnlyRecordsTheSignature() {
        fixture.given(proposedByThuringia())
                .when(new SignCooperation(ID, BY, SIGNED.plusDays(10)))
                .expectEvents(new CooperationSigned(ID, BY, SIGNED.plusDays(10)))
                .expectResultMessagePayload(CooperationStatus.PENDING);
    }

    @Test
    void theLastSignatureMakesTheFoundersMembersFromTheLatestSignature() {
        // Bavaria signed later than Lower Saxony's last signature: the latest day counts, not the last act
        fixture.given(proposedByThuringia(), new CooperationSigned(ID, BY, SIGNED.plusDays(30)))
                .when(new SignCooperation(ID, NI, SIGNED.plusDays(20)))
                .expectEvents(new CooperationSigned(ID, NI, SIGNED.plusDays(20)),
                        new CooperationFounded(ID, "EfA TH-BY-NI", List.of(TH, BY, NI), SIGNED.plusDays(30)))
                .expectResultMessagePayload(CooperationStatus.ACTIVE);
    }

    @Test
    void onceEveryFounderSignedStatesJoinAndTheRefusalBeforeNamesWhoHasNotSigned() {
        fixture.given(proposedByThuringia(), new CooperationSigned(ID, BY, SIGNED.plusDays(30)))
                .when(new JoinCooperation(ID, SN, SIGNED.plusDays(40)))
                .expectNoEvents().expectException(ruleViolated("cooperation-pending"))
                // Lower Saxony has not signed, Thuringia (the proposer) and Bavaria have
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("states [03] have not"));
        fixture.given(proposedByThuringia(), new CooperationSigned(ID, BY, SIGNED.plusDays(30)),
                        new CooperationSigned(ID, NI, SIGNED.plusDays(20)),
                        new CooperationFounded(ID, "EfA TH-BY-NI", List.of(TH, BY, NI), SIGNED.plusDays(30)))
                .when(new JoinCooperation(ID, SN, SIGNED.plusDays(40)))
                .expectEvents(new StateJoinedCooperation(ID, SN, SIGNED.plusDays(40)));
    }

    @Test
    void onlyAFoundingStateSignsAndOnlyOnce() {
        fixture.given(proposedByThuringia())
                .when(new SignCooperation(ID, SN, SIGNED.plusDays(1)))
                .expectNoEvents().expectException(ruleViolated("not-a-founding-state"));
        fixture.given(proposedByThuringia())
                .when(new SignCooperation(ID, TH, SIGNED.plusDays(1)))
                .expectNoEvents().expectException(conflict());
        fixture.given(founded())
                .when(new SignCooperation(ID, BY, SIGNED.plusDays(1)))
                .expectNoEvents().expectException(conflict());
    }

    @Test
    void aSignatureBeforeTheProposalIsRefused() {
        fixture.given(proposedByThuringia())
                .when(new SignCooperation(ID, BY, SIGNED.minusDays(1)))
                .expectNoEvents().expectException(ruleViolated("date-before-signing"));
    }

    @Test
    void noStateJoinsOrLeavesAPendingCooperation() {
        fixture.given(proposedByThuringia())
                .when(new JoinCooperation(ID, SN, SIGNED.plusDays(1)))
                .expectNoEvents().expectException(ruleViolated("cooperation-pending"));
        fixture.given(proposedByThuringia(), new CooperationSigned(ID, BY, SIGNED))
                .when(new LeaveCooperation(ID, TH, SIGNED.plusDays(1)))
                .expectNoEvents().expectException(ruleViolated("cooperation-pending"));
    }

    @Test
    void datesLieBetweenTheOzgAndAYearAhead() {
        LocalDate yearAhead = LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusYears(1);
        fixture.givenNoPriorActivity()
                .when(new FoundCooperation(ID, "EfA TH-BY", List.of(TH, BY), LocalDate.of(2017, 8, 13), TH))
                .expectNoEvents().expectException(ruleViolated("date-out-of-range"));
        fixture.givenNoPriorActivity()
                .when(new FoundCooperation(ID, "EfA TH-BY", List.of(TH, BY), LocalDate.of(2017, 8, 14), TH))
                .expectEvents(new CooperationProposed(ID, "EfA TH-BY", List.of(TH, BY), TH, LocalDate.of(2017, 8, 14)));
        fixture.givenNoPriorActivity()
                .when(new FoundCooperation(ID, "EfA TH-BY", List.of(TH, BY), LocalDate.of(0, 1, 1)))
                .expectNoEvents().expectException(ruleViolated("date-out-of-range"));
        fixture.given(proposedByThuringia())
                .when(new SignCooperation(ID, BY, yearAhead.plusDays(1)))
                .expectNoEvents().expectException(ruleViolated("date-out-of-range"));
        fixture.given(founded())
                .when(new JoinCooperation(ID, NI, yearAhead))
                .expectEvents(new StateJoinedCooperation(ID, NI, yearAhead));
        fixture.given(founded())
                .when(new JoinCooperation(ID, NI, yearAhead.plusDays(1)))
                .expectNoEvents().expectException(ruleViolated("date-out-of-range"));
        fixture.given(founded())
                .when(new LeaveCooperation(ID, BY, yearAhead.plusDays(1)))
                .expectNoEvents().expectException(ruleViolated("date-out-of-range"));
    }
}
