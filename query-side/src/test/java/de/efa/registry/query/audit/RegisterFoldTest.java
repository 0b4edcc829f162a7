package de.efa.registry.query.audit;

import de.efa.registry.kernel.cooperation.CooperationFounded;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.StateJoinedCooperation;
import de.efa.registry.kernel.cooperation.StateLeftCooperation;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.MaturityLevel;
import de.efa.registry.kernel.service.OnlineStatus;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceRegistered;
import de.efa.registry.kernel.service.ServiceVersion;
import de.efa.registry.kernel.service.VersionOnlineStatusChanged;
import de.efa.registry.kernel.service.VersionPublished;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterFoldTest {

    private static final CooperationId COOPERATION = CooperationId.of("5a1c2e3d-4b5f-4c6d-8e7f-9a0b1c2d3e4f");
    private static final StateCode TH = StateCode.of("16");
    private static final StateCode BY = StateCode.of("09");
    private static final StateCode NI = StateCode.of("03");

    @Test
    void aStateThatLeftAndJoinedAgainKeepsBothMemberships() {
        RegisterFold fold = new RegisterFold();
        fold.apply(new CooperationFounded(COOPERATION, "Nord-Ost", List.of(TH, BY), LocalDate.of(2021, 3, 1)));
        fold.apply(new StateJoinedCooperation(COOPERATION, NI, LocalDate.of(2024, 4, 1)));
        fold.apply(new StateLeftCooperation(COOPERATION, NI, LocalDate.of(2025, 6, 30)));
        fold.apply(new StateJoinedCooperation(COOPERATION, NI, LocalDate.of(2026, 2, 1)));
        fold.apply(new StateLeftCooperation(COOPERATION, BY, LocalDate.of(2026, 3, 1)));

        RegisterAsOf register = fold.result(Instant.parse("2026-11-29T00:00:00Z"));

        assertThat(register.cooperations()).singleElement().satisfies(c -> assertThat(c.members()).containsExactly(
                new RegisterAsOf.Member("16", LocalDate.of(2021, 3, 1), null),
                new RegisterAsOf.Member("09", LocalDate.of(2021, 3, 1), LocalDate.of(2026, 3, 1)),
                new RegisterAsOf.Member("03", LocalDate.of(2024, 4, 1), LocalDate.of(2025, 6, 30)),
                new RegisterAsOf.Member("03", LocalDate.of(2026, 2, 1), null)));
    }

    @Test
    void aVersionShowsTheOnlineStatusRecordedLastBeforeTheInstant() {
        ServiceId service = ServiceId.of("0b7d5e4a-3c1f-4a8e-9d2b-1f6e8c7a5b40");
        ServiceVersion one = ServiceVersion.parse("1.0.0");
        RegisterFold fold = new RegisterFold();
        fold.apply(new ServiceRegistered(service, LeikaKey.of("99108001000000"), "Wohngeld", TH, ReuseModel.EFA, null, null));
        fold.apply(new VersionPublished(service, one, MaturityLevel.of(3), MaturityLevel.MODEL, LocalDate.of(2023, 1, 1), null));
        fold.apply(new VersionPublished(service, ServiceVersion.parse("2.0.0"), MaturityLevel.of(3), MaturityLevel.MODEL,
                LocalDate.of(2023, 1, 1), null));
        fold.apply(new VersionOnlineStatusChanged(service, one, OnlineStatus.OK, Instant.parse("2026-11-01T00:00:00Z"),
                "link-checker", null));
        fold.apply(new VersionOnlineStatusChanged(service, one, OnlineStatus.NOT_OK, Instant.parse("2026-11-02T00:00:00Z"),
                "link-checker", "HEAD answered HTTP 500"));

        assertThat(fold.result(Instant.parse("2026-11-29T00:00:00Z")).services()).singleElement()
                .satisfies(s -> assertThat(s.versions()).containsExactly(
                        new RegisterAsOf.Version("1.0.0", "ACTIVE", "nicht ok"),
                        new RegisterAsOf.Version("2.0.0", "ACTIVE", null)));
        assertThat(RegisterFold.RELEVANT).contains(VersionOnlineStatusChanged.class.getName());
    }

    @Test
    void aPendingCooperationIsListedWithoutMembersUntilItIsInForce() {
        RegisterFold fold = new RegisterFold();
        fold.apply(new de.efa.registry.kernel.cooperation.CooperationProposed(COOPERATION, "Mitte", List.of(TH, BY), TH,
                LocalDate.of(2024, 1, 15)));
        assertThat(fold.result(java.time.Instant.parse("2024-02-01T00:00:00Z")).cooperations()).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo("PENDING");
                    assertThat(c.members()).isEmpty();
                    assertThat(c.name()).isEqualTo("Mitte");
                });

        fold.apply(new CooperationFounded(COOPERATION, "Mitte", List.of(TH, BY), LocalDate.of(2024, 2, 1)));
        assertThat(fold.result(java.time.Instant.parse("2024-03-01T00:00:00Z")).cooperations()).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo("ACTIVE");
                    assertThat(c.members()).extracting(RegisterAsOf.Member::state).containsExactly("16", "09");
                });
    }
}
