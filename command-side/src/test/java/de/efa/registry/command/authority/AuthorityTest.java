package de.efa.registry.command.authority;

import de.efa.registry.kernel.authority.AuthorityChanged;
import de.efa.registry.kernel.authority.AuthorityContact;
import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.authority.AuthorityProfile;
import de.efa.registry.kernel.authority.AuthorityRegistered;
import de.efa.registry.kernel.authority.ChangeAuthority;
import de.efa.registry.kernel.authority.DestinationId;
import de.efa.registry.kernel.authority.DestinationSignature;
import de.efa.registry.kernel.authority.PostalAddress;
import de.efa.registry.kernel.authority.RegisterAuthority;
import de.efa.registry.kernel.municipality.StateCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static de.efa.registry.command.support.Refusals.ruleViolated;
import static org.hamcrest.Matchers.equalTo;

class AuthorityTest {

    private static final AuthorityId ID = AuthorityId.of("4e1a2b3c-5d6e-4f70-8a9b-0c1d2e3f4a5b");
    private static final StateCode TH = StateCode.of("16");
    private static final AuthorityProfile PROFILE = new AuthorityProfile("Stadtverwaltung Erfurt - Wohngeldstelle",
            "Wohngeldstelle Erfurt", new PostalAddress("Juri-Gagarin-Ring", "150", "99084", "Erfurt"),
            new AuthorityContact("wohngeld@erfurt.de", "+49 361 655-0"), null, null, "https://www.erfurt.de");
    private static final AuthorityProfile CONNECTED = new AuthorityProfile(PROFILE.name(), PROFILE.shortName(),
            PROFILE.address(), PROFILE.contact(), DestinationId.of("3FA85F64-5717-4562-B3FC-2C963F66AFA6"),
            DestinationSignature.of("eyJhbGciOiJQUzUxMiJ9.eyJkZXN0aW5hdGlvbklkIjoiM2ZhODVmNjQifQ.c2lnbmF0dXJl"),
            PROFILE.websiteUrl());

    private AggregateTestFixture<Authority> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Authority.class);
    }

    @Test
    void anAuthorityIsRecordedForItsState() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAuthority(ID, TH, PROFILE))
                .expectEvents(new AuthorityRegistered(ID, TH, PROFILE));
    }

    @Test
    void aChangeReplacesTheProfileAndAnswersThatItChanged() {
        fixture.given(new AuthorityRegistered(ID, TH, PROFILE))
                .when(new ChangeAuthority(ID, TH, CONNECTED))
                .expectEvents(new AuthorityChanged(ID, TH, CONNECTED))
                .expectResultMessagePayload(true);
    }

    @Test
    void aChangeThatChangesNothingRecordsNothing() {
        fixture.given(new AuthorityRegistered(ID, TH, PROFILE), new AuthorityChanged(ID, TH, CONNECTED))
                .when(new ChangeAuthority(ID, TH, CONNECTED))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(equalTo(false));
    }

    @Test
    void anAuthorityNeverMovesToAnotherState() {
        fixture.given(new AuthorityRegistered(ID, TH, PROFILE))
                .when(new ChangeAuthority(ID, StateCode.of("09"), PROFILE))
                .expectNoEvents().expectException(ruleViolated("authority-state-fixed"));
    }

    @Test
    void theDestinationIsKeptInLowerCase() {
        org.assertj.core.api.Assertions.assertThat(CONNECTED.destinationId().value())
                .isEqualTo("3fa85f64-5717-4562-b3fc-2c963f66afa6");
        org.assertj.core.api.Assertions.assertThat(CONNECTED.isRoutable()).isTrue();
        org.assertj.core.api.Assertions.assertThat(PROFILE.isRoutable()).isFalse();
    }
}
