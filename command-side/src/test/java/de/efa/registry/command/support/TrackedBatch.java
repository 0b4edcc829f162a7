package de.efa.registry.command.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.function.Consumer;

/**
 * Hands one event to a process in a unit of work of its own, as its tracking processor does with a batch: what the
 * process registers for after the commit (its ledger's "done") happens, and a failure rolls the batch back.
 */
public final class TrackedBatch {

    private TrackedBatch() {
    }

    /** @return the message the process was handed (its identifier is what caused the process's commands) */
    public static EventMessage<?> deliver(Object event, Consumer<EventMessage<?>> handlers) {
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        try {
            handlers.accept(message);
            unitOfWork.commit();
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        return message;
    }
}
