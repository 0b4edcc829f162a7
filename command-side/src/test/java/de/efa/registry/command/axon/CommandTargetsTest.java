package de.efa.registry.command.axon;

import de.efa.registry.kernel.adoption.AdoptService;
import de.efa.registry.kernel.adoption.AdoptionId;
import de.efa.registry.kernel.adoption.TerminateAdoption;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.cooperation.LeaveCooperation;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.StateCode;
import de.efa.registry.kernel.service.DeprecateVersion;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.kernel.service.ServiceVersion;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The members looked up once per class must name the same target as Axon's resolver finds per command. */
class CommandTargetsTest {

    private final CommandTargets targets = new CommandTargets();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion long version) {
    }

    static final class ByMethod {
        @TargetAggregateIdentifier
        String target() {
            return "by-method";
        }
    }

    record Untargeted(String id) {
    }

    @Test
    void resolvesTheSameTargetsAsAxon() {
        LocalDate day = LocalDate.of(2024, 7, 1);
        List<Object> commands = List.of(
                new AdoptService(Ags.of("16051000"), AdoptionId.random(), ServiceId.random(), null, day),
                new TerminateAdoption(Ags.of("09162000"), AdoptionId.random(), day),
                new DeprecateVersion(ServiceId.random(), ServiceVersion.parse("1.0.0"), day, null),
                new LeaveCooperation(CooperationId.random(), StateCode.of("16"), day),
                new Versioned("v", 7), new ByMethod(), new Versioned("again", 8));
        for (Object command : commands) {
            var message = GenericCommandMessage.asCommandMessage(command);
            assertThat(targets.resolveTarget(message)).as(command.toString()).isEqualTo(axon.resolveTarget(message));
        }
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new Versioned("v", 7))).getVersion()).isEqualTo(7L);
    }

    @Test
    void refusesACommandWithoutTarget() {
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(new Untargeted("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Untargeted");
    }
}
