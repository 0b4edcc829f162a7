package de.efa.registry.command.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.reuse.AgreementProposed;
import de.efa.registry.kernel.reuse.AgreementSigned;
import de.efa.registry.kernel.reuse.AgreementTerminated;
import de.efa.registry.kernel.reuse.LegalBasis;
import de.efa.registry.kernel.reuse.ProposeAgreement;
import de.efa.registry.kernel.reuse.SignAgreement;
import de.efa.registry.kernel.reuse.TerminateAgreement;
import de.efa.registry.kernel.service.ServiceId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static de.efa.registry.command.support.Refusals.conflict;
import static de.efa.registry.command.support.Refusals.ruleViolated;

class ReuseAgreementTest {

    private static final AgreementId ID = AgreementId.of("5d2f7c1e-8a4b-4c3d-9e6f-0a1b2c3d4e5f");
    private static final ServiceId SERVICE = ServiceId.of("0b7d5e4a-3c1f-4a8e-9d2b-1f6e8c7a5b40");
    private static final StateCode TH = StateCode.of("16");
    private static final StateCode BY = StateCode.of("09");
    private static final StateCode NI = StateCode.of("03");
    private static final LocalDate FROM = LocalDate.of(2024, 3, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);
    private static final LocalDate PROPOSED_ON = LocalDate.of(2024, 2, 1);

    private AggregateTestFixture<ReuseAgreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReuseAgreement.class);
    }

    private static ProposeAgreement propose(StateCode proposer, LocalDate validFrom, LocalDate validTo) {
        return new ProposeAgreement(ID, SERVICE, TH, BY, LegalBasis.FIT_STORE, "FIT-Store 2024-017", validFrom, validTo,
                proposer, PROPOSED_ON);
    }

    private static AgreementProposed proposedBy(StateCode proposer) {
        return new AgreementProposed(ID, SERVICE, TH, BY, LegalBasis.FIT_STORE, "FIT-Store 2024-017", FROM, TO,
                proposer, PROPOSED_ON);
    }

    @Test
    void eitherSideProposes() {
        fixture.givenNoPriorActivity().when(propose(BY, FROM, TO)).expectEvents(proposedBy(BY));
        fixture.givenNoPriorActivity().when(propose(TH, FROM, TO)).expectEvents(proposedBy(TH));
    }

    @Test
    void aThirdStateProposesNothing() {
        fixture.givenNoPriorActivity().when(propose(NI, FROM, TO)).expectNoEvents().expectException(ruleViolated("not-a-party"));
    }

    @Test
    void aStateNeedsNoAgreementWithItself() {
        fixture.givenNoPriorActivity()
                .when(new ProposeAgreement(ID, SERVICE, TH, TH, LegalBasis.EFA_MARKTPLATZ, "x", FROM, null, TH, PROPOSED_ON))
                .expectNoEvents().expectException(ruleViolated("agreement-within-one-state"));
    }

    @Test
    void validityEndsNotBeforeItBeginsAndMayBeOneDay() {
        fixture.givenNoPriorActivity().when(propose(TH, FROM, FROM.minusDays(1)))
                .expectNoEvents().expectException(ruleViolated("valid-to-before-valid-from"));
        fixture.givenNoPriorActivity().when(propose(TH, FROM, FROM)).expectSuccessfulHandlerExecution();
    }

    @Test
    void validityBeginsNotBeforeTheOzg() {
        fixture.givenNoPriorActivity().when(propose(TH, LocalDate.of(2017, 8, 13), null))
                .expectNoEvents().expectException(ruleViolated("date-out-of-range"));
        fixture.givenNoPriorActivity().when(propose(TH, LocalDate.of(2017, 8, 14), null)).expectSuccessfulHandlerExecution();
    }

    @Test
    void theOtherSideCountersigns() {
        fixture.given(proposedBy(BY)).when(new SignAgreement(ID, TH, LocalDate.of(2024, 2, 20)))
                .expectEvents(new AgreementSigned(ID, TH, LocalDate.of(2024, 2, 20)));
    }

    @Test
    void aCountersignatureIsDatedBetweenTheOzgAndAYearAhead() {
        fixture.given(proposedBy(BY)).when(new SignAgreement(ID, TH, LocalDate.of(2017, 8, 13)))
                .expectNoEvents().expectException(ruleViolated("date-out-of-range"));
        fixture.given(proposedBy(BY)).when(new SignAgreement(ID, TH, LocalDate.now().plusYears(2)))
                .expectNoEvents().expectException(ruleViolated("date-out-of-range"));
    }

    @Test
    void anOpenEndedAgreementEndsNotMoreThanAYearAhead() {
        AgreementProposed openEnded = new AgreementProposed(ID, SERVICE, TH, BY, LegalBasis.FIT_STORE,
                "FIT-Store 2024-017", FROM, null, BY, PROPOSED_ON);
        fixture.given(openEnded, new AgreementSigned(ID, TH, FROM))
                .when(new TerminateAgreement(ID, TH, LocalDate.now().plusYears(2)))
                .expectNoEvents().expectException(ruleViolated("date-out-of-range"));
    }

    @Test
    void theProposerDoesNotCountersignItsOwnProposal() {
        fixture.given(proposedBy(BY)).when(new SignAgreement(ID, BY, LocalDate.of(2024, 2, 20)))
                .expectNoEvents().expectException(ruleViolated("countersignature-by-proposer"));
    }

    @Test
    void aThirdStateDoesNotCountersign() {
        fixture.given(proposedBy(BY)).when(new SignAgreement(ID, NI, LocalDate.of(2024, 2, 20)))
                .expectNoEvents().expectException(ruleViolated("not-a-party"));
    }

    @Test
    void aSignedAgreementIsNotSignedTwice() {
        fixture.given(proposedBy(BY), new AgreementSigned(ID, TH, FROM)).when(new SignAgreement(ID, TH, FROM))
                .expectNoEvents().expectException(conflict());
    }

    @Test
    void eitherSideTerminatesASignedAgreementOnADayWithinItsValidity() {
        fixture.given(proposedBy(BY), new AgreementSigned(ID, TH, FROM))
                .when(new TerminateAgreement(ID, BY, TO))
                .expectEvents(new AgreementTerminated(ID, SERVICE, TH, BY, BY, TO));
    }

    @Test
    void aTerminationNeedsADayAfterTheFirstValidDayAndNotAfterTheLast() {
        fixture.given(proposedBy(BY), new AgreementSigned(ID, TH, FROM)).when(new TerminateAgreement(ID, TH, FROM))
                .expectNoEvents().expectException(ruleViolated("date-before-validity"));
        fixture.given(proposedBy(BY), new AgreementSigned(ID, TH, FROM))
                .when(new TerminateAgreement(ID, TH, FROM.plusDays(1)))
                .expectEvents(new AgreementTerminated(ID, SERVICE, TH, BY, TH, FROM.plusDays(1)));
        fixture.given(proposedBy(BY), new AgreementSigned(ID, TH, FROM)).when(new TerminateAgreement(ID, TH, TO.plusDays(1)))
                .expectNoEvents().expectException(ruleViolated("date-after-validity"));
    }

    @Test
    void aProposalIsNotTerminatedNorIsAnAgreementTwiceNorByAThirdState() {
        fixture.given(proposedBy(BY)).when(new TerminateAgreement(ID, TH, TO))
                .expectNoEvents().expectException(ruleViolated("agreement-not-signed"));
        fixture.given(proposedBy(BY), new AgreementSigned(ID, TH, FROM), new AgreementTerminated(ID, SERVICE, TH, BY, TH, TO))
                .when(new TerminateAgreement(ID, BY, TO)).expectNoEvents().expectException(conflict());
        fixture.given(proposedBy(BY), new AgreementSigned(ID, TH, FROM)).when(new TerminateAgreement(ID, NI, TO))
                .expectNoEvents().expectException(ruleViolated("not-a-party"));
    }
}
