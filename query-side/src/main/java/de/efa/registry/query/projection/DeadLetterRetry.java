package de.efa.registry.query.projection;

import de.efa.registry.eventstore.MongoEventStorageEngine;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Reads dead letters' events back from the store by position and applies them again through their processor. */
@Component
public class DeadLetterRetry {

    private final MongoEventStorageEngine engine;

    public DeadLetterRetry(MongoEventStorageEngine engine) {
        this.engine = engine;
    }

    ProjectionInvoker.RetryResult retry(String processor, ProjectionInvoker invoker, DeadLetterQueue queue) {
        List<DeadLetter> letters = queue.list(processor);
        if (letters.isEmpty()) {
            return new ProjectionInvoker.RetryResult(0, 0);
        }
        List<ProjectedEvent> events = new ArrayList<>();
        Set<String> aggregates = new LinkedHashSet<>();
        for (DeadLetter letter : letters) {
            read(letter.position()).ifPresent(events::add);
            aggregates.add(letter.aggregateId());
        }
        return invoker.retry(events, aggregates);
    }

    private Optional<ProjectedEvent> read(long position) {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(position - 1, List.of());
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(before, false)) {
            return stream.limit(1)
                    .filter(e -> e.trackingToken().position().orElse(-1) == position)
                    .map(e -> (ProjectedEvent) ProjectionInvoker.toProjected(e))
                    .findFirst();
        }
    }
}
