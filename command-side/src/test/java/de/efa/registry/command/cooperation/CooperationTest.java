package de.efa.registry.command.cooperation;

import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.FoundCooperation;
import de.efa.registry.kernel.cooperation.JoinCooperation;
import de.efa.registry.kernel.cooperation.LeaveCooperation;
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
}
