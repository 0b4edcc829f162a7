package de.efa.registry.query.projection;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands a processor's batches to a projection in one piece. Axon calls an invoker per event; this one collects the
 * events of the batch and applies them when the last one arrives — still inside the unit of work and before the
 * token is stored (Axon stores it in the prepare-commit phase), so a failed write rolls the batch back and it is
 * delivered again.
 */
final class ProjectionInvoker implements EventHandlerInvoker {

    private static final String BUFFER = ProjectionInvoker.class.getName() + ".buffer";

    private final String processorName;
    private final Projection projection;
    private final ProjectionStore store;
    private final DeadLetterQueue deadLetters;
    /** Batches of different segments may run at once; retries of dead letters must not interleave with them. */
    private final ReentrantLock retryLock = new ReentrantLock();
    /** Segments this invoker stopped feeding (released, or aborted on a lost claim): see {@link SegmentClaim}. */
    private final java.util.concurrent.atomic.AtomicLong releases = new java.util.concurrent.atomic.AtomicLong();

    ProjectionInvoker(String processorName, Projection projection, ProjectionStore store, DeadLetterQueue deadLetters) {
        this.processorName = processorName;
        this.projection = projection;
        this.store = store;
        this.deadLetters = deadLetters;
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        // every event advances the token; sequencing per aggregate decides the segment, as Axon's own invoker does
        // (Segment.matches(Object) would hash the message instance itself: with several segments an event would
        // then land in an arbitrary segment, or in none, and one aggregate's events could overtake each other)
        Object sequence = SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(eventMessage);
        return segment.matches(Objects.hashCode(sequence == null ? eventMessage.getIdentifier() : sequence));
    }

    @Override
    public void segmentReleased(Segment segment) {
        releases.incrementAndGet();
    }

    long releases() {
        return releases.get();
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        // unknown types still flow through, so that the token moves past them
        return true;
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        ProjectedEvent event = projection.handles(message.getPayloadType()) ? toProjected(message) : null;
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
            if (event != null) {
                applyLocked(List.of(event));
            }
            return;
        }
        List<ProjectedEvent> buffer = unitOfWork.getOrComputeResource(BUFFER, k -> new ArrayList<ProjectedEvent>());
        if (event != null) {
            buffer.add(event);
        }
        if (batch.isLastMessage() && !buffer.isEmpty()) {
            applyLocked(new ArrayList<>(buffer));
            buffer.clear();
        }
    }

    /**
     * The aggregates waiting on dead letters are read from the queue for every batch, not remembered: with several
     * instances a segment moves between them, and its dead letters (or their retry) may come from another instance.
     */
    private void applyLocked(List<ProjectedEvent> events) {
        retryLock.lock();
        try {
            projection.apply(events, store, new QueueFailures(deadLetters.blockedAggregates(processorName), Set.of()));
        } finally {
            retryLock.unlock();
        }
    }

    /** Applies the dead letters' events again, in position order; what fails again stays in the queue. */
    RetryResult retry(List<ProjectedEvent> events, Set<String> aggregates) {
        retryLock.lock();
        try {
            QueueFailures failures = new QueueFailures(deadLetters.blockedAggregates(processorName), aggregates);
            projection.apply(events, store, failures);
            return new RetryResult(failures.recovered, failures.stillFailingEvents);
        } finally {
            retryLock.unlock();
        }
    }

    static ProjectedEvent toProjected(EventMessage<?> message) {
        long position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(Long.MAX_VALUE) : Long.MAX_VALUE;
        return new ProjectedEvent(position, message.getIdentifier(), message.getPayload());
    }

    record RetryResult(int recovered, int remaining) {
    }

    private final class QueueFailures implements Projection.Failures {

        private final Set<String> blocked;
        private final Set<String> retrying;
        private final Set<String> stillFailing = new HashSet<>();
        private int recovered;
        private int stillFailingEvents;

        QueueFailures(Set<String> blocked, Set<String> retrying) {
            this.blocked = blocked;
            this.retrying = retrying;
        }

        @Override
        public boolean isBlocked(String aggregateId) {
            return stillFailing.contains(aggregateId) || (blocked.contains(aggregateId) && !retrying.contains(aggregateId));
        }

        @Override
        public void failed(ProjectedEvent event, String aggregateId, Throwable cause) {
            deadLetters.add(processorName, event, aggregateId, cause);
            stillFailing.add(aggregateId);
            stillFailingEvents++;
        }

        @Override
        public void applied(ProjectedEvent event, String aggregateId) {
            if (retrying.contains(aggregateId)) {
                deadLetters.remove(processorName, event.position());
                recovered++;
            }
        }
    }
}
