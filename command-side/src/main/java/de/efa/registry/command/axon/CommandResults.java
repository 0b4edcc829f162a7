package de.efa.registry.command.axon;

import de.efa.registry.eventstore.AppendReceipt;
import de.efa.registry.kernel.common.DomainException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a command's result carries besides its payload, so that nothing about a command travels with the thread
 * that ran it: an {@link AppendReceipt} on which the event store notes the position of the events the command
 * stored (filled when the unit of work commits, read by the sender after that), and — for a refusal decided on a
 * cached aggregate — the mark that makes the sender decide it once more from the store.
 */
final class CommandResults implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The result's metadata key of the {@link AppendReceipt}. */
    static final String RECEIPT = AppendReceipt.RESOURCE;

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        AppendReceipt receipt = new AppendReceipt();
        unitOfWork.root().resources().put(AppendReceipt.RESOURCE, receipt);
        Object result;
        try {
            result = chain.proceed();
        } catch (DomainException refusal) {
            if (AggregateCache.servedFromCache(unitOfWork)) {
                throw new RefusedOnCachedAggregate(refusal);
            }
            throw refusal;
        }
        if (result instanceof ResultMessage<?> message) {
            return new GenericCommandResultMessage<>(message.getPayload(), message.getMetaData().and(RECEIPT, receipt));
        }
        return new GenericCommandResultMessage<>(result, MetaData.with(RECEIPT, receipt));
    }
}
