package de.efa.registry.command.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Finds a command's target aggregate as Axon's {@link AnnotationCommandTargetResolver} does — the field or method
 * annotated {@link TargetAggregateIdentifier}, and {@link TargetAggregateVersion} if there is one — but looks the
 * members up once per command class. Axon's resolver walks every field and method of the command and their
 * annotations for every command: about 3 % of an adoption request's CPU in the profile.
 * The aggregates name it: {@code @Aggregate(commandTargetResolver = CommandTargets.BEAN)}.
 */
@Component(CommandTargets.BEAN)
public class CommandTargets implements CommandTargetResolver {

    public static final String BEAN = "commandTargets";

    private final ClassValue<Members> members = new ClassValue<>() {
        @Override
        protected Members computeValue(Class<?> type) {
            return new Members(find(type, TargetAggregateIdentifier.class), find(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Members target = members.get(payload.getClass());
        Object identifier;
        Long version;
        try {
            identifier = valueOf(target.identifier(), payload);
            version = asLong(valueOf(target.version(), payload));
        } catch (InvocationTargetException | IllegalAccessException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information form a command", e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target aggregate. "
                    + "Make sure at least one of the fields or methods in the [%s] class contains the "
                    + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, version);
    }

    private record Members(AccessibleObject identifier, AccessibleObject version) {
    }

    /** The first annotated field, else the first annotated method without parameters: Axon's order. */
    private static AccessibleObject find(Class<?> type, Class<? extends Annotation> annotation) {
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return ReflectionUtils.ensureAccessible(field);
            }
        }
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation) && method.getParameterCount() == 0
                    && !Modifier.isStatic(method.getModifiers())) {
                return ReflectionUtils.ensureAccessible(method);
            }
        }
        return null;
    }

    private static Object valueOf(AccessibleObject member, Object payload)
            throws InvocationTargetException, IllegalAccessException {
        if (member == null) {
            return null;
        }
        return member instanceof Field field ? field.get(payload) : ((Method) member).invoke(payload);
    }

    private static Long asLong(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Number number ? Long.valueOf(number.longValue()) : Long.valueOf(value.toString());
    }
}
