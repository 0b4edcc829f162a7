package de.efa.registry.platform.security;

import de.efa.registry.kernel.common.RegistryMetaData;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Stamps every command sent from a request with the authenticated principal; Axon's correlation data then copies it
 * onto every event the command causes. Commands that already carry a principal (processes use the system principal)
 * keep theirs.
 */
@Component
public class PrincipalMetaDataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    public PrincipalMetaDataInterceptor(List<CommandBus> commandBuses) {
        commandBuses.forEach(bus -> bus.registerDispatchInterceptor(this));
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(RegistryMetaData.PRINCIPAL)) {
                return command;
            }
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            String principal = authentication != null && authentication.isAuthenticated()
                    ? authentication.getName() : RegistryMetaData.SYSTEM_PRINCIPAL;
            return command.andMetaData(java.util.Map.of(RegistryMetaData.PRINCIPAL, principal));
        };
    }
}
