package de.efa.registry.command.reuse;

import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.reuse.CostModel;
import de.efa.registry.kernel.reuse.DeclareInterest;
import de.efa.registry.kernel.reuse.InterestDeclared;
import de.efa.registry.kernel.reuse.OfferId;
import de.efa.registry.kernel.reuse.OfferService;
import de.efa.registry.kernel.reuse.ServiceOffered;
import de.efa.registry.kernel.service.ServiceId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static de.efa.registry.command.support.Refusals.conflict;
import static de.efa.registry.command.support.Refusals.ruleViolated;

class ReuseOfferTest {

    private static final OfferId ID = OfferId.of("6e3a8d2f-9b5c-4d4e-8f7a-1b2c3d4e5f60");
    private static final ServiceId SERVICE = ServiceId.of("0b7d5e4a-3c1f-4a8e-9d2b-1f6e8c7a5b40");
    private static final StateCode TH = StateCode.of("16");
    private static final StateCode BY = StateCode.of("09");
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final ServiceOffered OFFERED = new ServiceOffered(ID, SERVICE, TH, "Betrieb durch Dataport",
            CostModel.COST_SHARING, FROM);

    private AggregateTestFixture<ReuseOffer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReuseOffer.class);
    }

    @Test
    void aProvidingStateOffersItsService() {
        fixture.givenNoPriorActivity()
                .when(new OfferService(ID, SERVICE, TH, "Betrieb durch Dataport", CostModel.COST_SHARING, FROM))
                .expectEvents(OFFERED);
    }

    @Test
    void anOfferStartsNotBeforeTheOzg() {
        fixture.givenNoPriorActivity()
                .when(new OfferService(ID, SERVICE, TH, "t", CostModel.FREE, LocalDate.of(2017, 8, 13)))
                .expectNoEvents().expectException(ruleViolated("date-out-of-range"));
    }

    @Test
    void anotherStateDeclaresInterestOnce() {
        fixture.given(OFFERED).when(new DeclareInterest(ID, BY, LocalDate.of(2024, 5, 2)))
                .expectEvents(new InterestDeclared(ID, SERVICE, BY, LocalDate.of(2024, 5, 2)));
        fixture.given(OFFERED, new InterestDeclared(ID, SERVICE, BY, LocalDate.of(2024, 5, 2)))
                .when(new DeclareInterest(ID, BY, LocalDate.of(2024, 6, 1)))
                .expectNoEvents().expectException(conflict());
    }

    @Test
    void theProvidingStateIsNotInterestedInItsOwnOffer() {
        fixture.given(OFFERED).when(new DeclareInterest(ID, TH, LocalDate.of(2024, 5, 2)))
                .expectNoEvents().expectException(ruleViolated("own-offer"));
    }
}
