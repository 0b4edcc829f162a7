package de.efa.registry.command.reuse;

import de.efa.registry.command.lookup.ServiceFacts;
import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.LeikaKey;
import de.efa.registry.kernel.service.ReuseModel;
import de.efa.registry.kernel.service.ServiceId;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only an EFA service is offered to other states or reused under an agreement. */
class ReusableServiceTest {

    @Test
    void anEfaServiceIsReusableAStateOnlyServiceIsNot() {
        assertThatCode(() -> ReusableService.require(service(ReuseModel.EFA))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ReusableService.require(service(ReuseModel.STATE_ONLY)))
                .isInstanceOfSatisfying(RuleViolated.class, e -> org.assertj.core.api.Assertions.assertThat(e.rule())
                        .isEqualTo("service-not-efa"));
    }

    private static ServiceFacts service(ReuseModel reuse) {
        return new ServiceFacts(ServiceId.random(), LeikaKey.of("99123456789012"), "Elterngeld", StateCode.of("14"), reuse,
                new TreeMap<>(), Map.of());
    }
}
