package de.efa.registry.command.retirement;

import de.efa.registry.kernel.common.RegistryMetaData;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Events caused by a process name the <em>event</em> that made the process act as their causation, not the
 * intermediate command. The shared message-origin provider would name the command; this wraps it so that a command
 * carrying an explicit {@code causationId} (only processes send those) passes it on. Wrapping rather than adding a
 * second provider keeps it independent of the order in which providers are applied.
 */
@Component
class ProcessCausation implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if ("messageOriginProvider".equals(beanName) && bean instanceof CorrelationDataProvider origin) {
            return new PreferExplicitCausation(origin);
        }
        return bean;
    }

    record PreferExplicitCausation(CorrelationDataProvider origin) implements CorrelationDataProvider {

        @Override
        public Map<String, ?> correlationDataFor(Message<?> message) {
            Map<String, Object> data = new HashMap<>(origin.correlationDataFor(message));
            Object explicit = message.getMetaData().get(RegistryMetaData.CAUSATION_ID);
            if (message instanceof CommandMessage<?> && explicit != null) {
                data.put(RegistryMetaData.CAUSATION_ID, explicit);
            }
            return data;
        }
    }
}
