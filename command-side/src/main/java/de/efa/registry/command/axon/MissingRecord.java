package de.efa.registry.command.axon;

import de.efa.registry.kernel.authority.AuthorityId;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.reuse.AgreementId;
import de.efa.registry.kernel.reuse.OfferId;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.service.ServiceId;
import de.efa.registry.platform.web.ProblemTypes;
import de.efa.registry.platform.web.RegistryProblem;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.http.HttpStatus;

import java.lang.reflect.RecordComponent;

/**
 * A command for an aggregate the store has no events of: Axon says only "no record with id 09162999", the client
 * wants to know which kind of record it named — the command's target (an {@link Ags}, a {@link ServiceId}, a
 * {@link CooperationId}) tells.
 */
final class MissingRecord {

    private MissingRecord() {
    }

    static RegistryProblem of(Object command, AggregateNotFoundException missing) {
        return new RegistryProblem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                "No " + kind(target(command)) + missing.getAggregateIdentifier());
    }

    private static String kind(Object target) {
        if (target instanceof Ags) {
            return "municipality with AGS ";
        }
        if (target instanceof ServiceId) {
            return "service with id ";
        }
        if (target instanceof AuthorityId) {
            return "authority with id ";
        }
        if (target instanceof CooperationId) {
            return "cooperation with id ";
        }
        if (target instanceof OfferId) {
            return "offer with id ";
        }
        if (target instanceof AgreementId) {
            return "agreement with id ";
        }
        return "record with id ";
    }

    private static Object target(Object command) {
        if (command == null || !command.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            try {
                // the annotation lands on the record's field and accessor, whichever its target allows
                if (component.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class)
                        || command.getClass().getDeclaredField(component.getName())
                                .isAnnotationPresent(TargetAggregateIdentifier.class)) {
                    return component.getAccessor().invoke(command);
                }
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }
}
